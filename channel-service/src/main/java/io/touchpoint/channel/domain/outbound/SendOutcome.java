package io.touchpoint.channel.domain.outbound;

import java.util.Objects;

/** What a provider answered to one attempt at sending an outbound message. */
public sealed interface SendOutcome {

    /**
     * The provider took the message and will report later whether it reached the customer (status webhooks, which
     * name it by {@code providerMessageId}): the message becomes {@code SENT}.
     */
    record Accepted(String providerMessageId) implements SendOutcome {

        public Accepted {
            Objects.requireNonNull(providerMessageId, "providerMessageId");
        }
    }

    /**
     * The message reached the customer, or got as far as the channel will ever tell (web chat delivered to a live
     * stream, Telegram and SMTP, which send no receipts): the message becomes {@code DELIVERED} and
     * {@code message.delivered} is published.
     */
    record Delivered(String providerMessageId) implements SendOutcome {

        public Delivered {
            Objects.requireNonNull(providerMessageId, "providerMessageId");
        }
    }

    /**
     * The provider refused the message and will refuse it again (invalid recipient, bad credentials, content it does
     * not allow): no retry.
     *
     * @param errorCode Touchpoint's code for the cause, e.g. {@code invalid_recipient}, {@code rejected}
     * @param providerErrorCode the provider's own code, if it gave one
     * @param message a description without personal data
     */
    record PermanentFailure(String errorCode, String providerErrorCode, String message) implements SendOutcome {

        public PermanentFailure {
            Objects.requireNonNull(errorCode, "errorCode");
        }
    }

    /**
     * The attempt failed in a way a later attempt may not (HTTP 5xx or 429, a timeout, a broken connection): retried
     * with backoff.
     */
    record TransientFailure(String errorCode, String providerErrorCode, String message) implements SendOutcome {

        public TransientFailure {
            Objects.requireNonNull(errorCode, "errorCode");
        }
    }
}
