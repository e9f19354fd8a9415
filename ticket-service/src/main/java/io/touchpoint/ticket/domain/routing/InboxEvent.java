package io.touchpoint.ticket.domain.routing;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One event of an agent's inbox stream, numbered 1, 2, 3, … per agent without gaps. It names the ticket and carries
 * nothing the customer wrote (the console reads that from the ticket), so erasing a customer's data leaves it alone.
 *
 * @param status the ticket's status after the event
 * @param messageId the customer's message, for {@link Type#MESSAGE}
 */
public record InboxEvent(
        String tenantId,
        String agentId,
        long sequence,
        Type type,
        String ticketId,
        String teamId,
        String status,
        String priority,
        String messageId,
        Instant at) {

    public InboxEvent {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(at, "at");
    }

    /** The stored id of the agent's event {@code sequence}: claiming it is what numbers the event. */
    public static String key(String tenantId, String agentId, long sequence) {
        return stream(tenantId, agentId) + "|" + sequence;
    }

    /** The id of an agent's stream. */
    public static String stream(String tenantId, String agentId) {
        return tenantId + "|" + agentId;
    }

    public String key() {
        return key(tenantId, agentId, sequence);
    }

    public InboxEvent withSequence(long sequence) {
        return new InboxEvent(tenantId, agentId, sequence, type, ticketId, teamId, status, priority, messageId, at);
    }

    public enum Type {
        /** A ticket became the agent's. */
        ASSIGNED,
        /** A ticket stopped being the agent's: transferred, unassigned. */
        UNASSIGNED,
        /** The customer wrote on one of the agent's tickets. */
        MESSAGE,
        /** One of the agent's tickets changed status. */
        STATUS;

        public String apiName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
