package io.touchpoint.channel.messaging.email;

import io.touchpoint.channel.domain.outbound.OutboundMessage;
import io.touchpoint.events.Handle;
import java.util.List;
import java.util.Objects;

/**
 * A mail to send to a customer.
 *
 * @param id the outbound message, {@code msg_…}: the local part of the {@code Message-ID}, so every attempt at sending
 *     it carries the same one; null to generate one
 * @param to the customer; an {@link Handle.Kind#EMAIL} handle
 * @param subject the subject; {@code Re: } is put in front when the mail answers one and it has none
 * @param text the plain-text body; derived from {@code html} when null
 * @param html the HTML body, or null
 * @param inReplyTo the {@code Message-ID} of the customer's mail this one answers, or null
 * @param references the thread's {@code References} so far, oldest first; {@code inReplyTo} is added last
 */
public record OutgoingEmail(
        String id, Handle to, String subject, String text, String html, String inReplyTo, List<String> references) {

    public OutgoingEmail {
        Objects.requireNonNull(to, "to");
        references = references != null ? List.copyOf(references) : List.of();
    }

    static OutgoingEmail of(OutboundMessage message) {
        return new OutgoingEmail(
                message.id(),
                message.recipient(),
                message.content().subjectLine(),
                message.content().text(),
                message.content().html(),
                message.inReplyTo(),
                message.references());
    }

    boolean answers() {
        return inReplyTo != null && !inReplyTo.isBlank();
    }
}
