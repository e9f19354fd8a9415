package io.touchpoint.starter.cloudevents;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Publishes CloudEvents to RabbitMQ with publisher confirms: a publish returns only once the broker has taken
 * responsibility for the message, or tells the caller it did not.
 *
 * <p>An event that reaches its exchange but no queue (nobody subscribed to that routing key yet) is returned by the
 * broker and then confirmed. That is normal for an event-driven platform, so it counts as published; it is counted
 * in {@code touchpoint.events.unroutable} so that a missing binding can be seen.
 *
 * <p>The exchange of each event is declared (durable topic) before the first publish to it, so publishing never fails
 * because a broker was reset or the producing service started before its consumers.
 */
public class CloudEventPublisher {

    private static final Logger log = LoggerFactory.getLogger(CloudEventPublisher.class);

    private final RabbitTemplate template;

    private final RabbitAdmin admin;

    private final Duration confirmTimeout;

    private final MeterRegistry meters;

    private final Set<String> declaredExchanges = ConcurrentHashMap.newKeySet();

    private final Map<String, Counter> unroutable = new ConcurrentHashMap<>();

    public CloudEventPublisher(ConnectionFactory connectionFactory, Duration confirmTimeout, MeterRegistry meters) {
        if (!connectionFactory.isPublisherConfirms()) {
            throw new IllegalStateException("CloudEventPublisher needs publisher confirms: set "
                    + "spring.rabbitmq.publisher-confirm-type=correlated (the Touchpoint default)");
        }
        this.template = new RabbitTemplate(connectionFactory);
        this.template.setMandatory(connectionFactory.isPublisherReturns());
        // Returns are read from each publish's CorrelationData, which the channel fills in before the confirm.
        this.template.setReturnsCallback(returned -> {});
        // A publisher blocked by broker flow control must not block this service's consumers.
        this.template.setUsePublisherConnection(true);
        this.admin = new RabbitAdmin(connectionFactory);
        this.confirmTimeout = confirmTimeout;
        this.meters = meters;
    }

    /** Publishes {@code event} to the exchange and routing key of its type and waits for the broker's confirm. */
    public void publish(CloudEvent event) {
        publish(OutgoingEvent.of(event));
    }

    /**
     * Publishes one event and waits for the broker's confirm.
     *
     * @throws EventPublishingException if the broker did not confirm it
     */
    public void publish(OutgoingEvent event) {
        PublishResult result = publishAll(List.of(event));
        if (!result.allConfirmed()) {
            throw new EventPublishingException(
                    "event " + event.event().id() + " was not confirmed by the broker: " + result.failure());
        }
    }

    /**
     * Publishes the events in order on one channel, then waits for all confirms (one round trip for the batch, not
     * one per event). Never throws for broker trouble: the result says which events were confirmed.
     */
    public PublishResult publishAll(List<OutgoingEvent> events) {
        if (events.isEmpty()) {
            return new PublishResult(Set.of(), null);
        }
        List<CorrelationData> sent = new ArrayList<>(events.size());
        String failure = null;
        try {
            declareExchanges(events);
            template.invoke(operations -> {
                for (OutgoingEvent event : events) {
                    CorrelationData correlation =
                            new CorrelationData(event.event().id());
                    operations.send(
                            event.exchange(), event.routingKey(), CloudEventMessages.toMessage(event), correlation);
                    sent.add(correlation);
                }
                return null;
            });
        } catch (RuntimeException e) {
            failure = "publish failed: " + e.getMessage();
        }
        Set<String> confirmed = new LinkedHashSet<>();
        long deadline = System.nanoTime() + confirmTimeout.toNanos();
        for (int i = 0; i < sent.size(); i++) {
            CorrelationData correlation = sent.get(i);
            String outcome = awaitConfirm(correlation, deadline);
            if (outcome == null) {
                confirmed.add(correlation.getId());
                countIfReturned(correlation, events.get(i));
            } else if (failure == null) {
                failure = outcome;
            }
        }
        if (failure != null) {
            // The exchange may be gone with a broker reset: declare again next time.
            declaredExchanges.clear();
            log.warn(
                    "{} of {} events not confirmed by the broker: {}",
                    events.size() - confirmed.size(),
                    events.size(),
                    failure);
        }
        return new PublishResult(confirmed, failure);
    }

    private String awaitConfirm(CorrelationData correlation, long deadline) {
        try {
            CorrelationData.Confirm confirm =
                    correlation.getFuture().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return confirm.ack() ? null : "event " + correlation.getId() + " nacked: " + confirm.reason();
        } catch (TimeoutException e) {
            return "no confirm for event " + correlation.getId() + " within " + confirmTimeout;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while waiting for the confirm of event " + correlation.getId();
        } catch (ExecutionException e) {
            return "confirm of event " + correlation.getId() + " failed: " + e.getCause();
        }
    }

    private void countIfReturned(CorrelationData correlation, OutgoingEvent event) {
        if (correlation.getReturned() == null) {
            return;
        }
        log.debug(
                "event {} of type {} reached {} but no queue is bound for {}",
                event.event().id(),
                event.event().type(),
                event.exchange(),
                event.routingKey());
        unroutable
                .computeIfAbsent(event.event().type(), type -> Counter.builder("touchpoint.events.unroutable")
                        .description("Events confirmed by the broker that no queue was bound to receive")
                        .tag("type", type)
                        .register(meters))
                .increment();
    }

    private void declareExchanges(List<OutgoingEvent> events) {
        for (OutgoingEvent event : events) {
            if (!declaredExchanges.contains(event.exchange())) {
                admin.declareExchange(new TopicExchange(event.exchange(), true, false));
                declaredExchanges.add(event.exchange());
            }
        }
    }
}
