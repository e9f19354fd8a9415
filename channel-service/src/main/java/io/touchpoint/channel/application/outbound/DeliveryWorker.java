package io.touchpoint.channel.application.outbound;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.touchpoint.channel.application.MetricTags;
import io.touchpoint.channel.application.connection.ConnectionStore;
import io.touchpoint.channel.application.inbound.CustomerWindows;
import io.touchpoint.channel.application.inbound.OptOuts;
import io.touchpoint.channel.application.outbound.ChannelLanes.Lane;
import io.touchpoint.channel.application.outbound.OutboundMessageStore.Claim;
import io.touchpoint.channel.config.DeliveryProperties;
import io.touchpoint.channel.domain.connection.ChannelConnection;
import io.touchpoint.channel.domain.inbound.CustomerServiceWindow;
import io.touchpoint.channel.domain.outbound.DeliveryFailure;
import io.touchpoint.channel.domain.outbound.OutboundDelivery;
import io.touchpoint.channel.domain.outbound.OutboundDelivery.Change;
import io.touchpoint.channel.domain.outbound.OutboundMessage;
import io.touchpoint.channel.domain.outbound.RetryPolicy;
import io.touchpoint.channel.domain.outbound.SendOutcome;
import io.touchpoint.events.Channel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Sends queued outbound messages. A message is claimed with a lease (safe with any number of replicas) right after it
 * was queued ({@link #trigger}) or by a sweep that picks up retries that fell due and what triggers missed, then sent
 * on its channel's lane: the channel's own threads, behind the channel's own circuit breaker.
 *
 * <p>Each attempt first checks what the provider must never be asked to do: send through a missing or disabled
 * connection, to a customer who opted out, or free-form WhatsApp text outside the 24-hour window. A transient failure
 * is retried with exponential backoff and full jitter until {@code maxAttempts}; a permanent one fails the message at
 * once. While a channel's breaker is open its messages are not claimed, and a claimed one is deferred without
 * counting an attempt.
 */
@Component
public class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final OutboundMessageStore store;

    private final ConnectionStore connections;

    private final OptOuts optOuts;

    private final CustomerWindows windows;

    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);

    private final ChannelLanes lanes;

    private final DeliveryProperties properties;

    private final RetryPolicy retries;

    private final MeterRegistry meters;

    private final Clock clock;

    private volatile ScheduledExecutorService sweeper;

    public DeliveryWorker(
            OutboundMessageStore store,
            ConnectionStore connections,
            OptOuts optOuts,
            CustomerWindows windows,
            List<ChannelSender> senders,
            ChannelLanes lanes,
            DeliveryProperties properties,
            MeterRegistry meters,
            Clock clock) {
        this.store = store;
        this.connections = connections;
        this.optOuts = optOuts;
        this.windows = windows;
        for (ChannelSender sender : senders) {
            ChannelSender other = this.senders.putIfAbsent(sender.channel(), sender);
            if (other != null) {
                throw new IllegalStateException("two senders for " + sender.channel() + ": "
                        + other.getClass().getName() + " and "
                        + sender.getClass().getName());
            }
        }
        this.lanes = lanes;
        this.properties = properties;
        this.retries = new RetryPolicy(properties.maxAttempts(), properties.initialBackoff(), properties.maxBackoff());
        this.meters = meters;
        this.clock = clock;
    }

    /** Sends message {@code id} of {@code channel} now, if its lane has room; otherwise the sweep takes it. */
    public void trigger(Channel channel, String id) {
        Lane lane = lanes.lane(channel);
        if (!isRunning() || !isClosedOrHalfOpen(lane.breaker())) {
            return;
        }
        try {
            lane.bulkhead()
                    .submit(() -> guarded(() -> store.claim(id, clock.instant(), properties.lease())
                            .ifPresent(claim -> deliver(lane, claim))));
        } catch (BulkheadFullException full) {
            log.debug("{} lane is full; message {} waits for the sweep", MetricTags.tag(channel), id);
        }
    }

    /** Claims every due message its lane has room for, on every channel whose breaker lets calls through. */
    void sweep() {
        for (Lane lane : lanes.all()) {
            guarded(() -> sweep(lane));
        }
    }

    private void sweep(Lane lane) {
        if (!isClosedOrHalfOpen(lane.breaker())) {
            return;
        }
        int room = lane.freeCapacity();
        if (lane.breaker().getState() == CircuitBreaker.State.HALF_OPEN) {
            room = Math.min(room, properties.channels().halfOpenCalls());
        }
        if (room == 0) {
            return;
        }
        for (Claim claim : store.claimDue(lane.channel(), clock.instant(), properties.lease(), room)) {
            try {
                lane.bulkhead().submit(() -> guarded(() -> deliver(lane, claim)));
            } catch (BulkheadFullException full) {
                store.release(claim, clock.instant());
            }
        }
    }

    private void deliver(Lane lane, Claim claim) {
        OutboundDelivery delivery = claim.delivery();
        Attempt attempt = attempt(lane, delivery);
        if (!store.complete(claim, attempt.change())) {
            log.warn(
                    "outbound message {} changed while it was being sent (lease of {} ran out?); its {} result was"
                            + " not recorded",
                    delivery.id(),
                    properties.lease(),
                    attempt.outcome());
            return;
        }
        meters.counter(
                        "touchpoint.channel.outbound.attempts",
                        "channel",
                        MetricTags.tag(lane.channel()),
                        "outcome",
                        attempt.outcome())
                .increment();
        OutboundDelivery after = attempt.change().delivery();
        if (!"deferred".equals(attempt.outcome())) {
            log.info(
                    "outbound {} message {} of tenant {}: attempt {} {}, now {}{}",
                    MetricTags.tag(lane.channel()),
                    delivery.id(),
                    delivery.message().tenantId(),
                    after.attempts(),
                    attempt.outcome(),
                    after.state(),
                    after.failure() != null ? " (" + after.failure().errorCode() + ")" : "");
        }
    }

    private Attempt attempt(Lane lane, OutboundDelivery delivery) {
        OutboundMessage message = delivery.message();
        Instant now = clock.instant();
        ChannelConnection connection = connections
                .find(message.tenantId(), message.connectionId())
                .filter(found -> found.kind() == message.channel())
                .orElse(null);
        Optional<DeliveryFailure> refusal = refusal(message, connection, now);
        if (refusal.isPresent()) {
            return new Attempt(delivery.refused(refusal.get(), now), "refused");
        }
        CircuitBreaker breaker = lane.breaker();
        if (!breaker.tryAcquirePermission()) {
            Duration wait = breaker.getState() == CircuitBreaker.State.OPEN
                    ? properties.channels().openDuration()
                    : properties.sweepInterval();
            return new Attempt(delivery.deferred(now.plus(wait), now), "deferred");
        }
        SendOutcome outcome = send(breaker, senders.get(message.channel()), connection, message);
        Change change = delivery.attempted(
                outcome, clock.instant(), retries, ThreadLocalRandom.current().nextDouble());
        return new Attempt(change, outcomeTag(outcome, change.delivery()));
    }

    /**
     * Why {@code message} must not reach its provider, if it must not: a missing or disabled connection
     * ({@code connection} null or not active), a recipient who opted out, a closed WhatsApp window, no sender.
     */
    private Optional<DeliveryFailure> refusal(OutboundMessage message, ChannelConnection connection, Instant now) {
        if (connection == null) {
            return refusal(
                    DeliveryFailure.CONNECTION_UNAVAILABLE,
                    "There is no " + MetricTags.tag(message.channel()) + " connection " + message.connectionId() + ".");
        }
        if (!connection.isActive()) {
            return refusal(DeliveryFailure.CONNECTION_UNAVAILABLE, "Connection " + connection.id() + " is disabled.");
        }
        if (optOuts.isOptedOut(
                message.tenantId(), message.channel(), message.recipient().value())) {
            return refusal(DeliveryFailure.OPTED_OUT, "The recipient opted out of messages on this channel.");
        }
        if (CustomerServiceWindow.appliesTo(message.channel()) && message.template() == null) {
            Instant lastInbound = windows.lastCustomerMessage(
                            message.tenantId(),
                            connection.id(),
                            message.recipient().value())
                    .orElse(null);
            if (!CustomerServiceWindow.isOpen(lastInbound, now, CustomerServiceWindow.WHATSAPP)) {
                return refusal(
                        DeliveryFailure.WINDOW_CLOSED,
                        "The customer has not written in the last 24 hours: WhatsApp accepts only an approved"
                                + " template outside the customer-service window.");
            }
        }
        if (!senders.containsKey(message.channel())) {
            return refusal(
                    DeliveryFailure.UNSUPPORTED_CHANNEL,
                    "Sending on " + MetricTags.tag(message.channel()) + " is not supported.");
        }
        return Optional.empty();
    }

    private static Optional<DeliveryFailure> refusal(String errorCode, String detail) {
        return Optional.of(new DeliveryFailure(errorCode, null, detail));
    }

    /** One call of the provider, timed by the channel's breaker: only transient failures count against it. */
    private static SendOutcome send(
            CircuitBreaker breaker, ChannelSender sender, ChannelConnection connection, OutboundMessage message) {
        long start = System.nanoTime();
        SendOutcome outcome;
        try {
            outcome = sender.send(connection, message);
        } catch (RuntimeException e) {
            log.warn(
                    "{} sender failed on message {}: {}",
                    MetricTags.tag(message.channel()),
                    message.id(),
                    e.toString());
            outcome = new SendOutcome.TransientFailure(
                    "send_error", null, e.getClass().getSimpleName());
        }
        if (outcome == null) {
            outcome = new SendOutcome.TransientFailure("send_error", null, "The sender reported no outcome.");
        }
        long elapsed = System.nanoTime() - start;
        if (outcome instanceof SendOutcome.TransientFailure failure) {
            breaker.onError(elapsed, TimeUnit.NANOSECONDS, new ProviderFailure(failure.errorCode()));
        } else {
            breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
        }
        return outcome;
    }

    private static String outcomeTag(SendOutcome outcome, OutboundDelivery after) {
        if (outcome instanceof SendOutcome.Accepted) {
            return "accepted";
        }
        if (outcome instanceof SendOutcome.Delivered) {
            return "delivered";
        }
        if (outcome instanceof SendOutcome.PermanentFailure) {
            return "rejected";
        }
        return after.state().isPending() ? "retrying" : "exhausted";
    }

    private static boolean isClosedOrHalfOpen(CircuitBreaker breaker) {
        CircuitBreaker.State state = breaker.getState();
        return state != CircuitBreaker.State.OPEN && state != CircuitBreaker.State.FORCED_OPEN;
    }

    private static void guarded(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            // The database, typically: claimed messages stay leased until their lease runs out, then are retried.
            log.warn("outbound delivery failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (sweeper != null) {
            return;
        }
        CustomizableThreadFactory threads = new CustomizableThreadFactory("touchpoint-outbound-sweep-");
        threads.setDaemon(true);
        sweeper = Executors.newSingleThreadScheduledExecutor(threads);
        long interval = properties.sweepInterval().toMillis();
        sweeper.scheduleWithFixedDelay(this::sweep, interval, interval, TimeUnit.MILLISECONDS);
        log.info(
                "outbound delivery started: senders for {}, sweeping every {}, {} attempts",
                senders.keySet(),
                properties.sweepInterval(),
                properties.maxAttempts());
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService stopping = sweeper;
        sweeper = null;
        if (stopping != null) {
            stopping.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return sweeper != null;
    }

    @Override
    public boolean isAutoStartup() {
        return properties.enabled();
    }

    private record Attempt(Change change, String outcome) {}

    /** What the breaker records for a transient failure; the outcome itself carries the details. */
    private static final class ProviderFailure extends RuntimeException {

        ProviderFailure(String errorCode) {
            super(errorCode, null, false, false);
        }
    }
}
