package io.touchpoint.ticket.application.reporting;

import io.touchpoint.ticket.application.reporting.TicketReportStore.Sample;
import io.touchpoint.ticket.config.ReportingProperties;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * A tenant's ticket summary over a period: volumes counted by MongoDB ({@code $match}, {@code $group}), and response
 * and resolution times from a bounded projection of the matching tickets, whose percentiles are computed here (the
 * in-process MongoDB stand-in has no {@code $percentile}). A period with more tickets than the bound reports figures of
 * the first ones and says so.
 */
@Service
public class TicketReports {

    private final TicketReportStore store;

    private final ReportingProperties properties;

    public TicketReports(TicketReportStore store, ReportingProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    /** The summary of tickets in {@code [from, to)}, in total and per group. */
    public Summary summary(String tenantId, Instant from, Instant to, GroupBy groupBy) {
        int limit = properties.maxTickets();
        Map<String, Long> created = store.created(tenantId, from, to, groupBy);
        Map<String, Long> resolved = store.resolved(tenantId, from, to, groupBy);
        List<Sample> firstResponses = store.firstResponseTimes(tenantId, from, to, groupBy, limit + 1);
        List<Sample> resolutions = store.resolutionTimes(tenantId, from, to, groupBy, limit + 1);
        boolean complete = firstResponses.size() <= limit && resolutions.size() <= limit;
        firstResponses = firstResponses.subList(0, Math.min(limit, firstResponses.size()));
        resolutions = resolutions.subList(0, Math.min(limit, resolutions.size()));

        Set<String> keys = new HashSet<>(created.keySet());
        keys.addAll(resolved.keySet());
        firstResponses.forEach(sample -> keys.add(sample.group()));
        resolutions.forEach(sample -> keys.add(sample.group()));
        Map<String, List<Long>> firstResponsesByGroup = byGroup(firstResponses);
        Map<String, List<Long>> resolutionsByGroup = byGroup(resolutions);
        List<Group> groups = new ArrayList<>();
        for (String key : keys) {
            groups.add(new Group(
                    key,
                    created.getOrDefault(key, 0L),
                    resolved.getOrDefault(key, 0L),
                    DurationFigures.of(firstResponsesByGroup.getOrDefault(key, List.of())),
                    DurationFigures.of(resolutionsByGroup.getOrDefault(key, List.of()))));
        }
        groups.sort(Comparator.comparing(Group::key, Comparator.nullsLast(Comparator.naturalOrder())));
        Group total = new Group(
                null,
                created.values().stream().mapToLong(Long::longValue).sum(),
                resolved.values().stream().mapToLong(Long::longValue).sum(),
                DurationFigures.of(firstResponses.stream().map(Sample::seconds).toList()),
                DurationFigures.of(resolutions.stream().map(Sample::seconds).toList()));
        return new Summary(from, to, groupBy, total, groups, complete);
    }

    private static Map<String, List<Long>> byGroup(List<Sample> samples) {
        Map<String, List<Long>> grouped = new HashMap<>();
        samples.forEach(sample -> grouped.computeIfAbsent(sample.group(), key -> new ArrayList<>())
                .add(sample.seconds()));
        return grouped;
    }

    /**
     * The report.
     *
     * @param complete false when the period held more tickets than the figures were computed from
     */
    public record Summary(
            Instant from, Instant to, GroupBy groupBy, Group total, List<Group> groups, boolean complete) {}

    /**
     * The figures of one group.
     *
     * @param key the channel, team or agent; null for tickets without a team or agent (and for the total)
     * @param created tickets created in the period
     * @param resolved tickets resolved in the period
     * @param firstResponse time from creation to the first reply, of tickets created in the period
     * @param resolution time from creation to resolution, of tickets resolved in the period
     */
    public record Group(
            String key, long created, long resolved, DurationFigures firstResponse, DurationFigures resolution) {}
}
