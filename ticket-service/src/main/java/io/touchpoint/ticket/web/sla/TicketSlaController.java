package io.touchpoint.ticket.web.sla;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.touchpoint.tenancy.TenantContext;
import io.touchpoint.ticket.application.TicketManagement;
import io.touchpoint.ticket.application.sla.SlaClocks;
import io.touchpoint.ticket.domain.Ticket;
import io.touchpoint.ticket.domain.sla.BusinessHours;
import io.touchpoint.ticket.domain.sla.SlaClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/tickets/{id}/sla}: where the ticket stands against its SLA targets. */
@RestController
class TicketSlaController {

    private final TicketManagement tickets;

    private final SlaClocks clocks;

    private final Clock clock;

    TicketSlaController(TicketManagement tickets, SlaClocks clocks, Clock clock) {
        this.tickets = tickets;
        this.clocks = clocks;
        this.clock = clock;
    }

    @GetMapping("/v1/tickets/{id}/sla")
    TicketSlaResponse get(TenantContext tenant, @PathVariable String id) {
        Ticket ticket = tickets.get(tenant.tenantId(), id);
        Instant now = clock.instant();
        Function<String, BusinessHours> hours = clocks.hoursOf(tenant.tenantId());
        List<ClockResponse> targets = clocks.of(tenant.tenantId(), ticket.id()).stream()
                .sorted(Comparator.comparing(SlaClock::metric))
                .map(sla -> ClockResponse.of(sla, now, hours.apply(sla.calendarId())))
                .toList();
        return new TicketSlaResponse(ticket.id(), targets);
    }

    record TicketSlaResponse(String ticketId, List<ClockResponse> targets) {}

    /**
     * One target of the ticket.
     *
     * @param state {@code running}, {@code paused} (pending on the customer) or {@code stopped} (met, or no longer
     *     applies)
     * @param used business time used so far (ISO 8601)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ClockResponse(
            String metric,
            String policyId,
            String state,
            String target,
            String used,
            Instant startedAt,
            Instant warnAt,
            Instant dueAt,
            Instant stoppedAt,
            boolean warned,
            boolean breached) {

        static ClockResponse of(SlaClock clock, Instant now, BusinessHours hours) {
            String state = !clock.open() ? "stopped" : clock.running() ? "running" : "paused";
            Duration used = clock.usedBy(now, hours);
            return new ClockResponse(
                    SlaClock.apiName(clock.metric()),
                    clock.policyId(),
                    state,
                    clock.target().toString(),
                    Duration.ofSeconds(used.toSeconds()).toString(),
                    clock.startedAt(),
                    clock.warnAt(),
                    clock.dueAt(),
                    clock.stoppedAt(),
                    clock.warned(),
                    clock.breached());
        }
    }
}
