package io.touchpoint.ticket.application.reporting;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The figures of a tenant's tickets, by group. A group key is the channel's API name, the team id or the agent id;
 * null stands for tickets without a team or agent.
 */
public interface TicketReportStore {

    /** How many tickets were created in {@code [from, to)}, per group. */
    Map<String, Long> created(String tenantId, Instant from, Instant to, GroupBy groupBy);

    /** How many tickets were resolved in {@code [from, to)} and are resolved or closed still, per group. */
    Map<String, Long> resolved(String tenantId, Instant from, Instant to, GroupBy groupBy);

    /** Time to first response of tickets created in {@code [from, to)} that had one, at most {@code limit}. */
    List<Sample> firstResponseTimes(String tenantId, Instant from, Instant to, GroupBy groupBy, int limit);

    /** Time from creation to resolution of tickets resolved in {@code [from, to)}, at most {@code limit}. */
    List<Sample> resolutionTimes(String tenantId, Instant from, Instant to, GroupBy groupBy, int limit);

    /** One ticket's duration, in seconds, in its group. */
    record Sample(String group, long seconds) {}
}
