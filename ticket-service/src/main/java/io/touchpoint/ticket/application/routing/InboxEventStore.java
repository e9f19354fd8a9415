package io.touchpoint.ticket.application.routing;

import io.touchpoint.ticket.domain.routing.InboxEvent;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The agents' inbox streams, shared by every replica. An agent's events are numbered 1, 2, 3, … and the numbers
 * stored are always a gap-free prefix: an event takes its number by inserting it under that unique id, and a writer
 * only tries {@code n + 1} after {@code n} exists (docs/adr/0007, as for web chat).
 */
public interface InboxEventStore {

    /**
     * Appends {@code event} (its sequence is ignored) as the agent's next, unless the agent has an event with
     * {@code dedupeKey} already.
     *
     * @return the event as stored, and whether this call stored it
     */
    Appended append(InboxEvent event, String dedupeKey);

    /** The agent's events after {@code after}, in order, at most {@code limit}, without gaps. */
    List<InboxEvent> after(String tenantId, String agentId, long after, int limit);

    /** Which of {@code keys} ({@link InboxEvent#key()}) name stored events. */
    Set<String> existing(Collection<String> keys);

    record Appended(InboxEvent event, boolean created) {}
}
