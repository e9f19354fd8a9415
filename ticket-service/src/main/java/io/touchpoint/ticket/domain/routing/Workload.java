package io.touchpoint.ticket.domain.routing;

import io.touchpoint.ticket.domain.Ticket;
import io.touchpoint.ticket.domain.TicketStatus;
import java.util.Set;

/** Which tickets take up an agent's capacity, and which wait in a team's queue. */
public final class Workload {

    /** The statuses of a ticket waiting for an agent; pending and on-hold tickets wait for someone else. */
    public static final Set<TicketStatus> QUEUED = Set.of(TicketStatus.NEW, TicketStatus.OPEN);

    private Workload() {}

    /** Whether a ticket in {@code status} counts against its agent's capacity: until it is resolved. */
    public static boolean occupies(TicketStatus status) {
        return switch (status) {
            case NEW, OPEN, PENDING, ON_HOLD -> true;
            case RESOLVED, CLOSED -> false;
        };
    }

    /** Whether {@code ticket} is {@code agentId}'s and counts against their capacity. */
    public static boolean occupies(Ticket ticket, String agentId) {
        return agentId.equals(ticket.assignment().assigneeId()) && occupies(ticket.status());
    }

    /** Whether the ticket waits in its team's queue: new or open, with a team, and nobody assigned. */
    public static boolean waiting(Ticket ticket) {
        return ticket.assignment().teamId() != null
                && ticket.assignment().assigneeId() == null
                && QUEUED.contains(ticket.status());
    }
}
