package io.touchpoint.ticket.support;

import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.touchpoint.events.interaction.InteractionReceived;
import io.touchpoint.starter.cloudevents.CloudEvent;
import io.touchpoint.starter.cloudevents.CloudEventPublisher;
import java.time.Duration;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Sends inbound messages the way channel-service does, as {@code interaction.received} CloudEvents on the real
 * broker, and waits until ticket-service threaded them.
 */
public final class Inbox {

    private final CloudEventPublisher publisher;

    private final MongoTemplate mongo;

    public Inbox(CloudEventPublisher publisher, MongoTemplate mongo) {
        this.publisher = publisher;
        this.mongo = mongo;
    }

    /** Publishes the message for {@code tenantId} and returns the event, so that a test can send it again. */
    public CloudEvent send(String tenantId, InteractionReceived message) {
        CloudEvent event = CloudEvent.of(tenantId, message);
        publisher.publish(event);
        return event;
    }

    /** Publishes the message and returns the ticket it was threaded into. */
    public String deliver(String tenantId, InteractionReceived message) {
        send(tenantId, message);
        return ticketOf(message);
    }

    /** Waits until the message is on a ticket, and returns the ticket. */
    public String ticketOf(InteractionReceived message) {
        return await("interaction " + message.interactionId() + " threaded")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(25))
                .until(() -> storedTicketOf(message.interactionId()), ticketId -> ticketId != null);
    }

    private String storedTicketOf(String interactionId) {
        Document stored = mongo.getCollection("ticket_messages")
                .find(new Document("_id", interactionId))
                .first();
        return stored == null ? null : stored.getString("ticketId");
    }

    /** How many messages of the tenant are stored with {@code ticketId}. */
    public long messagesOn(String tenantId, String ticketId) {
        return mongo.count(query(where("tenantId").is(tenantId).and("ticketId").is(ticketId)), "ticket_messages");
    }

    /** How many tickets the tenant has. */
    public long ticketsOf(String tenantId) {
        return mongo.count(query(where("tenantId").is(tenantId)), "tickets");
    }
}
