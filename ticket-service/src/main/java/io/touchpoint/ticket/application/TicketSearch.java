package io.touchpoint.ticket.application;

import io.touchpoint.events.Channel;
import io.touchpoint.events.ticket.Priority;
import io.touchpoint.ticket.domain.TicketStatus;
import java.time.Instant;
import java.util.Set;

/**
 * A filter over a tenant's tickets; null and empty fields do not filter.
 *
 * @param assigneeId the agent, or {@link #UNASSIGNED} for tickets without one
 * @param customer the requester's handle value (email address, phone number, channel user id)
 * @param after the id of the last ticket of the previous page
 * @param newestFirst whether the page runs from newest to oldest
 */
public record TicketSearch(
        String tenantId,
        Set<TicketStatus> statuses,
        Set<Priority> priorities,
        Set<Channel> channels,
        String assigneeId,
        String teamId,
        String customer,
        String tag,
        Instant createdAfter,
        Instant createdBefore,
        Instant updatedAfter,
        Instant updatedBefore,
        String after,
        boolean newestFirst) {

    public static final String UNASSIGNED = "none";

    public TicketSearch {
        statuses = statuses != null ? Set.copyOf(statuses) : Set.of();
        priorities = priorities != null ? Set.copyOf(priorities) : Set.of();
        channels = channels != null ? Set.copyOf(channels) : Set.of();
    }
}
