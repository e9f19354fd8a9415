package io.touchpoint.ticket.application.routing;

import io.touchpoint.ticket.domain.Ticket;
import io.touchpoint.ticket.domain.routing.InboxEvent;
import java.time.Clock;
import org.springframework.stereotype.Service;

/**
 * What an agent's console learns about their tickets: tickets given to them or taken from them, customers writing on
 * them, their status changing. An event is stored first, where every replica reads it, then rung to this replica's
 * open streams; each carries a key that makes appending it twice (a redelivered message, a repeated write) store it
 * once.
 */
@Service
public class AgentInbox {

    private final InboxEventStore events;

    private final InboxSubscriptions subscriptions;

    private final Clock clock;

    public AgentInbox(InboxEventStore events, InboxSubscriptions subscriptions, Clock clock) {
        this.events = events;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    /** The ticket, at its stored version, became the agent's. */
    public void assigned(Ticket ticket, String agentId) {
        append(ticket, agentId, InboxEvent.Type.ASSIGNED, null, "assigned:" + ticket.id() + ":" + ticket.version());
    }

    /** The ticket, at its stored version, is no longer the agent's. */
    public void unassigned(Ticket ticket, String agentId) {
        append(ticket, agentId, InboxEvent.Type.UNASSIGNED, null, "unassigned:" + ticket.id() + ":" + ticket.version());
    }

    /** The agent's ticket, at its stored version, has another status. */
    public void status(Ticket ticket, String agentId) {
        append(ticket, agentId, InboxEvent.Type.STATUS, null, "status:" + ticket.id() + ":" + ticket.version());
    }

    /** The customer's message {@code interactionId} reopened the agent's ticket. */
    public void reopened(Ticket ticket, String agentId, String interactionId) {
        append(ticket, agentId, InboxEvent.Type.STATUS, null, "reopened:" + interactionId);
    }

    /** The customer wrote {@code interactionId} on the agent's ticket. */
    public void message(Ticket ticket, String agentId, String interactionId) {
        append(ticket, agentId, InboxEvent.Type.MESSAGE, interactionId, "message:" + interactionId);
    }

    /**
     * Streams the agent's events after {@code after} to {@code sink}: those stored first, then each as it is
     * appended, on any replica.
     */
    public InboxSubscription subscribe(String tenantId, String agentId, long after, InboxSink sink) {
        return subscriptions.subscribe(tenantId, agentId, after, sink);
    }

    private void append(Ticket ticket, String agentId, InboxEvent.Type type, String messageId, String dedupeKey) {
        InboxEvent event = new InboxEvent(
                ticket.tenantId(),
                agentId,
                0,
                type,
                ticket.id(),
                ticket.assignment().teamId(),
                ticket.status().apiName(),
                ticket.priority().name().toLowerCase(java.util.Locale.ROOT),
                messageId,
                clock.instant());
        InboxEventStore.Appended appended = events.append(event, dedupeKey);
        if (appended.created()) {
            subscriptions.appended(appended.event());
        }
    }
}
