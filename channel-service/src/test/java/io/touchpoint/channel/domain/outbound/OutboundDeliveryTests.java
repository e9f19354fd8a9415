package io.touchpoint.channel.domain.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.touchpoint.channel.domain.Ids;
import io.touchpoint.channel.domain.inbound.CustomerServiceWindow;
import io.touchpoint.channel.domain.outbound.OutboundDelivery.Change;
import io.touchpoint.channel.domain.outbound.OutboundMessage.Origin;
import io.touchpoint.events.Channel;
import io.touchpoint.events.Handle;
import io.touchpoint.events.MessageContent;
import io.touchpoint.events.message.MessageDelivered;
import io.touchpoint.events.message.MessageFailed;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutboundDeliveryTests {

    private static final Instant NOW = Instant.parse("2026-11-22T14:00:00Z");

    private static final RetryPolicy RETRIES = new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofMinutes(1));

    private final OutboundDelivery queued = OutboundDelivery.queue(message(), NOW);

    @Test
    void aNewMessageIsQueuedAndDueNow() {
        assertThat(queued.state()).isEqualTo(OutboundState.QUEUED);
        assertThat(queued.nextAttemptAt()).isEqualTo(NOW);
        assertThat(queued.history()).extracting(DeliveryStep::state).containsExactly(OutboundState.QUEUED);
    }

    @Test
    void acceptedMessageIsSentWithTheProviderIdAndCausesNoEventYet() {
        Change change = queued.attempted(new SendOutcome.Accepted("SM1"), NOW.plusSeconds(1), RETRIES, 0.5);

        assertThat(change.delivery().state()).isEqualTo(OutboundState.SENT);
        assertThat(change.delivery().providerMessageId()).isEqualTo("SM1");
        assertThat(change.delivery().attempts()).isEqualTo(1);
        assertThat(change.delivery().nextAttemptAt()).isNull();
        assertThat(change.delivery().version()).isEqualTo(queued.version() + 1);
        assertThat(change.events()).isEmpty();
    }

    @Test
    void deliveredOutcomeOfAChannelWithoutReceiptsPublishesMessageDelivered() {
        Change change = queued.attempted(new SendOutcome.Delivered("42:7"), NOW, RETRIES, 0.5);

        assertThat(change.delivery().state()).isEqualTo(OutboundState.DELIVERED);
        assertThat(change.events()).singleElement().isInstanceOfSatisfying(MessageDelivered.class, event -> {
            assertThat(event.messageId()).isEqualTo(queued.id());
            assertThat(event.replyId()).isEqualTo("rpl_1");
            assertThat(event.providerMessageId()).isEqualTo("42:7");
        });
    }

    @Test
    void transientFailureIsRetriedWithinTheJitteredBackoff() {
        Instant at = NOW.plusSeconds(1);
        Change first = queued.attempted(failure(), at, RETRIES, 0.999);
        Change second = first.delivery().attempted(failure(), at, RETRIES, 0.999);

        assertThat(first.delivery().state()).isEqualTo(OutboundState.RETRYING);
        assertThat(first.events()).isEmpty();
        assertThat(Duration.between(at, first.delivery().nextAttemptAt()))
                .isBetween(Duration.ZERO, Duration.ofSeconds(2));
        assertThat(Duration.between(at, second.delivery().nextAttemptAt()))
                .isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(second.delivery().history())
                .extracting(DeliveryStep::state, DeliveryStep::attempt, DeliveryStep::errorCode)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(OutboundState.QUEUED, 0, null),
                        org.assertj.core.groups.Tuple.tuple(OutboundState.RETRYING, 1, "provider_unavailable"),
                        org.assertj.core.groups.Tuple.tuple(OutboundState.RETRYING, 2, "provider_unavailable"));
    }

    @Test
    void theLastTransientFailureFailsTheMessageWithItsAttempts() {
        OutboundDelivery delivery = queued;
        for (int i = 0; i < RETRIES.maxAttempts() - 1; i++) {
            delivery = delivery.attempted(failure(), NOW, RETRIES, 0).delivery();
        }

        Change last = delivery.attempted(failure(), NOW, RETRIES, 0);

        assertThat(last.delivery().state()).isEqualTo(OutboundState.FAILED);
        assertThat(last.events()).singleElement().isInstanceOfSatisfying(MessageFailed.class, event -> {
            assertThat(event.errorCode()).isEqualTo("provider_unavailable");
            assertThat(event.providerErrorCode()).isEqualTo("503");
            assertThat(event.attempts()).isEqualTo(3);
        });
    }

    @Test
    void permanentFailureFailsAtOnce() {
        Change change = queued.attempted(
                new SendOutcome.PermanentFailure("invalid_recipient", "21211", "Twilio answered HTTP 400."),
                NOW,
                RETRIES,
                0.5);

        assertThat(change.delivery().state()).isEqualTo(OutboundState.FAILED);
        assertThat(change.delivery().failure().errorCode()).isEqualTo("invalid_recipient");
        assertThat(change.events()).singleElement().isInstanceOf(MessageFailed.class);
    }

    @Test
    void refusalBeforeSendingCountsAsOneAttempt() {
        Change change = queued.refused(new DeliveryFailure(DeliveryFailure.OPTED_OUT, null, "opted out"), NOW);

        assertThat(change.delivery().state()).isEqualTo(OutboundState.FAILED);
        assertThat(change.events()).singleElement().isInstanceOfSatisfying(MessageFailed.class, event -> assertThat(
                        event.attempts())
                .isEqualTo(1));
    }

    @Test
    void deferringMovesTheNextAttemptWithoutCountingOne() {
        Change change = queued.deferred(NOW.plusSeconds(10), NOW);

        assertThat(change.delivery().state()).isEqualTo(OutboundState.QUEUED);
        assertThat(change.delivery().attempts()).isZero();
        assertThat(change.delivery().nextAttemptAt()).isEqualTo(NOW.plusSeconds(10));
        assertThat(change.delivery().history()).hasSize(1);
    }

    @Test
    void sendOutcomesApplyOnlyToPendingMessages() {
        OutboundDelivery sent = sent();

        assertThatIllegalStateException()
                .isThrownBy(() -> sent.attempted(new SendOutcome.Accepted("SM2"), NOW, RETRIES, 0.5));
    }

    @Test
    void deliveredReceiptPublishesMessageDeliveredOnce() {
        Change delivered = sent().received(DeliveryStatus.DELIVERED, null, null, NOW.plusSeconds(5), NOW)
                .orElseThrow();

        assertThat(delivered.delivery().state()).isEqualTo(OutboundState.DELIVERED);
        assertThat(delivered.events())
                .singleElement()
                .isInstanceOfSatisfying(MessageDelivered.class, event -> assertThat(event.deliveredAt())
                        .isEqualTo(NOW.plusSeconds(5)));
        assertThat(delivered.delivery().received(DeliveryStatus.DELIVERED, null, null, NOW, NOW))
                .isEmpty();
    }

    @Test
    void readAfterDeliveredMovesOnWithoutAnotherEventAndLateDeliveredIsIgnored() {
        OutboundDelivery delivered = sent().received(DeliveryStatus.DELIVERED, null, null, NOW, NOW)
                .orElseThrow()
                .delivery();

        Change read =
                delivered.received(DeliveryStatus.READ, null, null, NOW, NOW).orElseThrow();

        assertThat(read.delivery().state()).isEqualTo(OutboundState.READ);
        assertThat(read.events()).isEmpty();
        assertThat(read.delivery().received(DeliveryStatus.DELIVERED, null, null, NOW, NOW))
                .isEmpty();
        assertThat(read.delivery().received(DeliveryStatus.FAILED, "30003", null, NOW, NOW))
                .isEmpty();
    }

    @Test
    void readWithoutDeliveredStillPublishesMessageDelivered() {
        Change read = sent().received(DeliveryStatus.READ, null, null, NOW, NOW).orElseThrow();

        assertThat(read.delivery().state()).isEqualTo(OutboundState.READ);
        assertThat(read.events()).singleElement().isInstanceOf(MessageDelivered.class);
    }

    @Test
    void failedReceiptAfterSendingFailsTheMessageWithTheProviderCode() {
        Change failed = sent().received(DeliveryStatus.FAILED, "30003", "unreachable", NOW, NOW)
                .orElseThrow();

        assertThat(failed.delivery().state()).isEqualTo(OutboundState.FAILED);
        assertThat(failed.events()).singleElement().isInstanceOfSatisfying(MessageFailed.class, event -> {
            assertThat(event.errorCode()).isEqualTo("delivery_failed");
            assertThat(event.providerErrorCode()).isEqualTo("30003");
            assertThat(event.attempts()).isEqualTo(1);
        });
        assertThat(failed.delivery().received(DeliveryStatus.DELIVERED, null, null, NOW, NOW))
                .isEmpty();
    }

    @Test
    void receiptsForMessagesNotSentYetAreIgnored() {
        assertThat(queued.received(DeliveryStatus.DELIVERED, null, null, NOW, NOW))
                .isEmpty();
    }

    @Test
    void theIdOfAMessageIsDerivedFromTenantAndOrigin() {
        String id = OutboundMessage.idFor("tenant_a", Origin.reply("rpl_1"));

        assertThat(id).matches("msg_[0-9a-hjkmnp-tv-z]{26}");
        assertThat(Ids.hasPrefix(id, OutboundMessage.ID_PREFIX)).isTrue();
        assertThat(OutboundMessage.idFor("tenant_a", Origin.reply("rpl_1"))).isEqualTo(id);
        assertThat(OutboundMessage.idFor("tenant_b", Origin.reply("rpl_1"))).isNotEqualTo(id);
        assertThat(OutboundMessage.idFor("tenant_a", Origin.survey("rpl_1"))).isNotEqualTo(id);
    }

    @Test
    void theCustomerServiceWindowIsOpenFor24HoursAfterTheCustomersLastMessage() {
        Instant wrote = NOW.minus(Duration.ofHours(23));

        assertThat(CustomerServiceWindow.isOpen(wrote, NOW, CustomerServiceWindow.WHATSAPP))
                .isTrue();
        assertThat(CustomerServiceWindow.isOpen(NOW.minus(Duration.ofHours(25)), NOW, CustomerServiceWindow.WHATSAPP))
                .isFalse();
        assertThat(CustomerServiceWindow.isOpen(null, NOW, CustomerServiceWindow.WHATSAPP))
                .isFalse();
        assertThat(CustomerServiceWindow.appliesTo(Channel.WHATSAPP)).isTrue();
        assertThat(CustomerServiceWindow.appliesTo(Channel.SMS)).isFalse();
    }

    private OutboundDelivery sent() {
        return queued.attempted(new SendOutcome.Accepted("SM1"), NOW, RETRIES, 0.5)
                .delivery();
    }

    private static SendOutcome failure() {
        return new SendOutcome.TransientFailure("provider_unavailable", "503", "Twilio answered HTTP 503.");
    }

    private static OutboundMessage message() {
        Origin origin = Origin.reply("rpl_1");
        return new OutboundMessage(
                OutboundMessage.idFor("tenant_a", origin),
                "tenant_a",
                "con_1",
                Channel.SMS,
                Handle.of(Handle.Kind.PHONE, "+15550001111"),
                MessageContent.text("Your order shipped."),
                null,
                null,
                null,
                origin,
                "tkt_1",
                "cnv_1",
                null);
    }
}
