package io.touchpoint.ticket.web.reporting;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.touchpoint.starter.problem.ProblemException;
import io.touchpoint.tenancy.TenantContext;
import io.touchpoint.ticket.application.reporting.DurationFigures;
import io.touchpoint.ticket.application.reporting.GroupBy;
import io.touchpoint.ticket.application.reporting.TicketReports;
import io.touchpoint.ticket.application.reporting.TicketReports.Group;
import io.touchpoint.ticket.application.reporting.TicketReports.Summary;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/tickets/reports/summary?from=&to=&groupBy=}: how many tickets were created and resolved in
 * {@code [from, to)}, and how long first responses and resolutions took (median, 90th percentile and mean, in seconds
 * of wall-clock time), in total and per channel, team or agent.
 */
@RestController
@Validated
class TicketReportController {

    static final Duration MAX_PERIOD = Duration.ofDays(366);

    private final TicketReports reports;

    TicketReportController(TicketReports reports) {
        this.reports = reports;
    }

    @GetMapping("/v1/tickets/reports/summary")
    SummaryResponse summary(
            TenantContext tenant,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "channel") String groupBy) {
        if (!to.isAfter(from) || Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
            throw new ProblemException(
                    HttpStatus.BAD_REQUEST, "invalid_period", "'to' must be after 'from', at most 366 days later.");
        }
        GroupBy grouping =
                switch (groupBy.toLowerCase(Locale.ROOT)) {
                    case "channel" -> GroupBy.CHANNEL;
                    case "team" -> GroupBy.TEAM;
                    case "agent" -> GroupBy.AGENT;
                    default -> throw new ProblemException(
                            HttpStatus.BAD_REQUEST,
                            "invalid_group_by",
                            "'groupBy' must be one of channel, team, agent.");
                };
        return SummaryResponse.of(reports.summary(tenant.tenantId(), from, to, grouping));
    }

    /** @param complete false when the period held more tickets than the durations were computed from */
    record SummaryResponse(
            Instant from,
            Instant to,
            String groupBy,
            boolean complete,
            GroupResponse total,
            List<GroupResponse> groups) {

        static SummaryResponse of(Summary summary) {
            return new SummaryResponse(
                    summary.from(),
                    summary.to(),
                    summary.groupBy().apiName(),
                    summary.complete(),
                    GroupResponse.of(summary.total()),
                    summary.groups().stream().map(GroupResponse::of).toList());
        }
    }

    /** @param key the channel, team or agent; null for tickets without a team or agent, and on the total */
    record GroupResponse(
            String key,
            long created,
            long resolved,
            FiguresResponse firstResponseSeconds,
            FiguresResponse resolutionSeconds) {

        static GroupResponse of(Group group) {
            return new GroupResponse(
                    group.key(),
                    group.created(),
                    group.resolved(),
                    FiguresResponse.of(group.firstResponse()),
                    FiguresResponse.of(group.resolution()));
        }
    }

    /** Figures in seconds; absent while there are no durations. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FiguresResponse(long count, Long median, Long p90, Long average) {

        static FiguresResponse of(DurationFigures figures) {
            return new FiguresResponse(figures.count(), figures.median(), figures.p90(), figures.average());
        }
    }
}
