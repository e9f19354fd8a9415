package io.touchpoint.ticket.application.routing;

import io.touchpoint.ticket.application.TicketChanged;
import io.touchpoint.ticket.domain.Ticket;
import io.touchpoint.ticket.domain.routing.Workload;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Routing's part in changes agents make to tickets ({@code PATCH}, status, replies, merges): an agent assigned by hand
 * takes a place of their capacity, an agent who lost a ticket or resolved it gets theirs back and pulls the next
 * waiting one, the agents concerned hear of it, and a ticket put in a team's queue is given to an agent of it.
 *
 * <p>It runs after the change was stored; a failure here is logged and does not undo or fail the change. What it
 * misses is repaired later: a place not given back is found when its agent looks full.
 */
@Component
class RoutingOnTicketChanges {

    private static final Logger log = LoggerFactory.getLogger(RoutingOnTicketChanges.class);

    private final TicketAssignment assignment;

    RoutingOnTicketChanges(TicketAssignment assignment) {
        this.assignment = assignment;
    }

    @EventListener
    void on(TicketChanged changed) {
        Ticket before = changed.before();
        Ticket after = changed.after();
        try {
            assignment.assignmentChanged(before, after, true);
            if (Workload.waiting(after) && newlyWaiting(before, after)) {
                assignment.routeWaiting(
                        after.tenantId(), after.id(), after.assignment().teamId());
            }
        } catch (RuntimeException e) {
            log.warn(
                    "routing after a change of ticket {} of tenant {} failed: {}",
                    after.id(),
                    after.tenantId(),
                    e.toString());
        }
    }

    /** Whether the ticket just joined its team's queue: a new team, its agent taken away, or open again. */
    private static boolean newlyWaiting(Ticket before, Ticket after) {
        return !Objects.equals(before.assignment().teamId(), after.assignment().teamId())
                || before.assignment().assigneeId() != null
                || !Workload.QUEUED.contains(before.status());
    }
}
