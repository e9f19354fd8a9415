package io.touchpoint.channel.domain.outbound;

import io.touchpoint.events.EventPayload;
import io.touchpoint.events.message.MessageDelivered;
import io.touchpoint.events.message.MessageFailed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An outbound message and how its delivery went: the state machine {@code QUEUED → SENT → DELIVERED → READ} (with
 * {@code RETRYING} between attempts and {@code FAILED} at the end of a failed path), the attempts made and the
 * history of every step. Each transition returns the changed delivery with the events it causes, to be stored in
 * the same write.
 *
 * <p>Send outcomes apply only while the message is pending; provider receipts only move it forward, so a late or
 * repeated receipt ({@code delivered} after {@code read}) changes nothing.
 *
 * @param nextAttemptAt when the delivery worker may try it next; null once it is no longer pending
 * @param providerMessageId the provider's id once it accepted the message, by which its receipts name it
 * @param failure why it failed, when {@code FAILED}
 * @param version incremented by every change; stores write a change only over the version it was made from
 */
public record OutboundDelivery(
        OutboundMessage message,
        OutboundState state,
        int attempts,
        Instant nextAttemptAt,
        String providerMessageId,
        DeliveryFailure failure,
        List<DeliveryStep> history,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    /** A delivery changed by one transition, and the events the change causes. */
    public record Change(OutboundDelivery delivery, List<EventPayload> events) {

        public Change {
            events = List.copyOf(events);
        }
    }

    public OutboundDelivery {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(state, "state");
        history = List.copyOf(history != null ? history : List.of());
    }

    /** A new message, due for its first attempt now. */
    public static OutboundDelivery queue(OutboundMessage message, Instant now) {
        return new OutboundDelivery(
                message,
                OutboundState.QUEUED,
                0,
                now,
                null,
                null,
                List.of(DeliveryStep.of(OutboundState.QUEUED, now, 0)),
                1,
                now,
                now);
    }

    public String id() {
        return message.id();
    }

    /** Applies the provider's answer to one attempt. */
    public Change attempted(SendOutcome outcome, Instant now, RetryPolicy retries, double random) {
        requirePending();
        int attempt = attempts + 1;
        if (outcome instanceof SendOutcome.Accepted accepted) {
            return new Change(
                    next(OutboundState.SENT, attempt, null, accepted.providerMessageId(), null, now)
                            .withStep(DeliveryStep.of(OutboundState.SENT, now, attempt)),
                    List.of());
        }
        if (outcome instanceof SendOutcome.Delivered delivered) {
            OutboundDelivery changed = next(
                            OutboundState.DELIVERED, attempt, null, delivered.providerMessageId(), null, now)
                    .withStep(DeliveryStep.of(OutboundState.DELIVERED, now, attempt));
            return new Change(changed, List.of(changed.delivered(now)));
        }
        if (outcome instanceof SendOutcome.PermanentFailure failed) {
            return fail(
                    attempt,
                    new DeliveryFailure(failed.errorCode(), failed.providerErrorCode(), failed.message()),
                    now);
        }
        var failed = (SendOutcome.TransientFailure) outcome;
        var failure = new DeliveryFailure(failed.errorCode(), failed.providerErrorCode(), failed.message());
        if (retries.exhaustedAfter(attempt)) {
            return fail(attempt, failure, now);
        }
        Instant due = now.plus(retries.delayAfter(attempt, random));
        return new Change(
                next(OutboundState.RETRYING, attempt, due, null, null, now)
                        .withStep(step(OutboundState.RETRYING, now, attempt, failure)),
                List.of());
    }

    /**
     * Gives the message up before it reached a provider: the recipient opted out, the channel's messaging window is
     * closed, the connection is gone. Counts as an attempt.
     */
    public Change refused(DeliveryFailure failure, Instant now) {
        requirePending();
        return fail(attempts + 1, failure, now);
    }

    /**
     * Moves the next attempt to {@code until} without counting one: the provider's circuit is open or its bulkhead
     * is full, so nothing was sent.
     */
    public Change deferred(Instant until, Instant now) {
        requirePending();
        return new Change(next(state, attempts, until, null, null, now), List.of());
    }

    /**
     * Applies what the provider reported about the message after accepting it.
     *
     * @return the change, or empty when the receipt does not move the message forward (late, repeated, or for a
     *     message that is not sent yet or already failed)
     */
    public Optional<Change> received(
            DeliveryStatus status, String providerErrorCode, String errorMessage, Instant at, Instant now) {
        if (state.isPending() || state == OutboundState.FAILED) {
            return Optional.empty();
        }
        if (status == DeliveryStatus.FAILED) {
            if (state != OutboundState.SENT) {
                return Optional.empty(); // it was delivered: a failure reported afterwards is about nothing we sent
            }
            var failure = new DeliveryFailure("delivery_failed", providerErrorCode, errorMessage);
            OutboundDelivery failed = next(OutboundState.FAILED, attempts, null, null, failure, now)
                    .withStep(step(OutboundState.FAILED, at, attempts, failure));
            return Optional.of(new Change(failed, List.of(failed.failedEvent(at))));
        }
        OutboundState target =
                switch (status) {
                    case SENT -> OutboundState.SENT;
                    case DELIVERED -> OutboundState.DELIVERED;
                    case READ -> OutboundState.READ;
                    case FAILED -> throw new IllegalStateException("handled above");
                };
        if (target.rank() <= state.rank()) {
            return Optional.empty();
        }
        OutboundDelivery moved =
                next(target, attempts, null, null, null, now).withStep(DeliveryStep.of(target, at, attempts));
        // Read implies delivered: a provider that reports only the read receipt still gets one message.delivered.
        List<EventPayload> events = state == OutboundState.SENT ? List.of(moved.delivered(at)) : List.of();
        return Optional.of(new Change(moved, events));
    }

    private Change fail(int attempt, DeliveryFailure failure, Instant now) {
        OutboundDelivery failed = next(OutboundState.FAILED, attempt, null, null, failure, now)
                .withStep(step(OutboundState.FAILED, now, attempt, failure));
        return new Change(failed, List.of(failed.failedEvent(now)));
    }

    private MessageDelivered delivered(Instant at) {
        return new MessageDelivered(
                message.id(),
                message.connectionId(),
                message.channel(),
                providerMessageId,
                message.recipient(),
                message.replyId(),
                message.surveyId(),
                message.ticketId(),
                message.conversationId(),
                at);
    }

    private MessageFailed failedEvent(Instant at) {
        return new MessageFailed(
                message.id(),
                message.connectionId(),
                message.channel(),
                message.recipient(),
                message.replyId(),
                message.surveyId(),
                message.ticketId(),
                message.conversationId(),
                failure.errorCode(),
                failure.providerErrorCode(),
                failure.message(),
                Math.max(1, attempts),
                at);
    }

    private OutboundDelivery next(
            OutboundState newState,
            int newAttempts,
            Instant due,
            String newProviderMessageId,
            DeliveryFailure newFailure,
            Instant now) {
        return new OutboundDelivery(
                message,
                newState,
                newAttempts,
                newState.isPending() ? due : null,
                newProviderMessageId != null ? newProviderMessageId : providerMessageId,
                newFailure != null ? newFailure : (newState == OutboundState.FAILED ? failure : null),
                history,
                version + 1,
                createdAt,
                now);
    }

    private OutboundDelivery withStep(DeliveryStep step) {
        List<DeliveryStep> steps = new ArrayList<>(history);
        steps.add(step);
        return new OutboundDelivery(
                message,
                state,
                attempts,
                nextAttemptAt,
                providerMessageId,
                failure,
                steps,
                version,
                createdAt,
                updatedAt);
    }

    private static DeliveryStep step(OutboundState state, Instant at, int attempt, DeliveryFailure failure) {
        return new DeliveryStep(
                state, at, attempt, failure.errorCode(), failure.providerErrorCode(), failure.message());
    }

    private void requirePending() {
        if (!state.isPending()) {
            throw new IllegalStateException("message " + message.id() + " is " + state + ", not waiting to be sent");
        }
    }
}
