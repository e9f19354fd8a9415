package io.touchpoint.ticket.domain.sla;

import io.touchpoint.events.ticket.SlaMetric;
import io.touchpoint.ticket.domain.Ticket;
import io.touchpoint.ticket.domain.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The clock one SLA target runs on one ticket: how much business time the period it measures has used, and when its
 * warning and its deadline fall. It runs while the ticket waits on the business and pauses while the ticket is pending
 * on the customer: pausing adds the business time that passed to {@code used}; resuming computes new deadlines from
 * the time left.
 *
 * <p>The period a clock measures is its {@code cycle}, derived from the ticket alone so that every replica names it the
 * same: the first response has one ({@code 1}); the resolution one per time the ticket was opened ({@code 1}, then one
 * more per reopening); the next response one per customer message that waits for an answer (the message's time).
 *
 * @param startedAt when the measured period began
 * @param calendarId the business calendar it counts in; null for around the clock
 * @param target the business time the period may take
 * @param warningPercent how much of {@code target} may pass before the warning
 * @param used the business time used before {@code runningSince}
 * @param runningSince when it last started running; null while it is paused or stopped
 * @param dueAt when the target is breached if it keeps running; null while paused or stopped
 * @param warnAt when the warning threshold is reached if it keeps running; null while paused or stopped
 * @param warned whether the warning of this cycle was handled
 * @param breached whether the breach of this cycle was handled
 * @param stoppedAt when the period ended: the target was met, or no longer applies; for the next response, the last
 *     time the customer was answered
 * @param ticketVersion the version of the ticket the clock was last brought in line with
 * @param revision incremented by every stored change; 0 for a clock not stored yet
 */
public record SlaClock(
        String tenantId,
        String ticketId,
        SlaMetric metric,
        String cycle,
        Instant startedAt,
        String policyId,
        String calendarId,
        Duration target,
        int warningPercent,
        Duration used,
        Instant runningSince,
        Instant dueAt,
        Instant warnAt,
        boolean warned,
        boolean breached,
        Instant stoppedAt,
        long ticketVersion,
        long revision) {

    public SlaClock {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(cycle, "cycle");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(target, "target");
        used = used != null ? used : Duration.ZERO;
    }

    /**
     * The clock {@code metric} should have on {@code ticket} at {@code now}: {@code existing} continued (paused,
     * resumed, or moved to the ticket's current policy), stopped, or a new cycle.
     *
     * @param existing the stored clock of the metric, if any
     * @param policy the policy of the ticket's priority, if the tenant has one
     * @param calendars the business hours of a calendar id; a null id counts around the clock
     * @return the clock to keep; empty when there is none to keep, or the ticket is closed and its clocks go
     */
    public static Optional<SlaClock> reconcile(
            SlaMetric metric,
            Ticket ticket,
            SlaClock existing,
            SlaPolicy policy,
            Function<String, BusinessHours> calendars,
            Instant now) {
        if (ticket.status() == TicketStatus.CLOSED) {
            return Optional.empty();
        }
        boolean resolved = ticket.status() == TicketStatus.RESOLVED;
        Optional<Period> period =
                switch (metric) {
                    case FIRST_RESPONSE -> resolved || ticket.milestones().firstResponseAt() != null
                            ? Optional.empty()
                            : Optional.of(new Period("1", ticket.createdAt()));
                    case RESOLUTION -> resolved ? Optional.empty() : Optional.of(resolutionPeriod(ticket));
                    case NEXT_RESPONSE -> resolved ? Optional.empty() : nextResponsePeriod(ticket, existing);
                };
        Optional<Duration> target = policy != null ? policy.target(metric) : Optional.empty();
        if (period.isEmpty() || target.isEmpty()) {
            if (existing == null) {
                return Optional.empty();
            }
            return Optional.of((existing.open() ? existing.stopped(now) : existing).at(ticket.version()));
        }
        String cycle = period.get().cycle();
        boolean paused = ticket.status() == TicketStatus.PENDING;
        BusinessHours hours = calendars.apply(policy.calendarId());
        if (existing != null && existing.open() && existing.cycle().equals(cycle)) {
            return Optional.of(existing.continued(policy, target.get(), hours, calendars, paused, now)
                    .at(ticket.version()));
        }
        Instant start = period.get().start();
        SlaClock fresh = new SlaClock(
                ticket.tenantId(),
                ticket.id(),
                metric,
                cycle,
                start,
                policy.id(),
                policy.calendarId(),
                target.get(),
                policy.warningPercent(),
                paused ? hours.between(start, now) : Duration.ZERO,
                paused ? null : start,
                null,
                null,
                false,
                false,
                null,
                ticket.version(),
                existing != null ? existing.revision() : 0);
        return Optional.of(fresh.withDeadlines(hours));
    }

    /** The unique name of the clock: one per ticket and metric. */
    public String id() {
        return id(tenantId, ticketId, metric);
    }

    public static String id(String tenantId, String ticketId, SlaMetric metric) {
        return tenantId + "|" + ticketId + "|" + apiName(metric);
    }

    /** Whether the period it measures is still waiting to be met. */
    public boolean open() {
        return stoppedAt == null;
    }

    /** Whether it is counting time now. */
    public boolean running() {
        return open() && runningSince != null;
    }

    /** When the scheduler has to look at it next: its warning or its deadline, whichever comes first unhandled. */
    public Instant nextCheckAt() {
        if (!running()) {
            return null;
        }
        Instant warning = warned ? null : warnAt;
        Instant breach = breached ? null : dueAt;
        if (warning == null) {
            return breach;
        }
        return breach == null || warning.isBefore(breach) ? warning : breach;
    }

    /** The warning and the breach that are due at {@code now} and not handled yet, the warning first. */
    public List<SlaTrigger> due(Instant now) {
        List<SlaTrigger> due = new ArrayList<>(2);
        if (running() && !warned && warnAt != null && !warnAt.isAfter(now)) {
            due.add(SlaTrigger.WARNING);
        }
        if (running() && !breached && dueAt != null && !dueAt.isAfter(now)) {
            due.add(SlaTrigger.BREACH);
        }
        return due;
    }

    /**
     * The ticket-side record that {@code trigger} of this cycle was handled: unique per metric, cycle and trigger, so
     * that a ticket update conditional on not carrying it yet applies the trigger's effects once.
     */
    public String mark(SlaTrigger trigger) {
        return "sla:" + apiName(metric) + ":" + cycle + ":" + trigger.apiName();
    }

    /** Whether an answer at {@code at} meets this clock: it is open and its period began by then. */
    public boolean metBy(Instant at) {
        return open() && !startedAt.isAfter(at);
    }

    /** The clock once {@code trigger} of this cycle was handled. */
    public SlaClock handled(SlaTrigger trigger) {
        return new SlaClock(
                tenantId,
                ticketId,
                metric,
                cycle,
                startedAt,
                policyId,
                calendarId,
                target,
                warningPercent,
                used,
                runningSince,
                dueAt,
                warnAt,
                warned || trigger == SlaTrigger.WARNING,
                breached || trigger == SlaTrigger.BREACH,
                stoppedAt,
                ticketVersion,
                revision);
    }

    /** The clock stopped at {@code at}: its target was met or no longer applies. */
    public SlaClock stopped(Instant at) {
        return new SlaClock(
                tenantId,
                ticketId,
                metric,
                cycle,
                startedAt,
                policyId,
                calendarId,
                target,
                warningPercent,
                used,
                null,
                null,
                null,
                warned,
                breached,
                at,
                ticketVersion,
                revision);
    }

    /** The business time used by {@code now}, in {@code hours}, the hours of its calendar. */
    public Duration usedBy(Instant now, BusinessHours hours) {
        return running() ? used.plus(hours.between(runningSince, now)) : used;
    }

    public SlaClock withRevision(long revision) {
        return new SlaClock(
                tenantId,
                ticketId,
                metric,
                cycle,
                startedAt,
                policyId,
                calendarId,
                target,
                warningPercent,
                used,
                runningSince,
                dueAt,
                warnAt,
                warned,
                breached,
                stoppedAt,
                ticketVersion,
                revision);
    }

    /** {@code first_response}: metrics as the contract names them. */
    public static String apiName(SlaMetric metric) {
        return metric.name().toLowerCase(Locale.ROOT);
    }

    private SlaClock at(long ticketVersion) {
        return new SlaClock(
                tenantId,
                ticketId,
                metric,
                cycle,
                startedAt,
                policyId,
                calendarId,
                target,
                warningPercent,
                used,
                runningSince,
                dueAt,
                warnAt,
                warned,
                breached,
                stoppedAt,
                Math.max(this.ticketVersion, ticketVersion),
                revision);
    }

    /**
     * This open clock at {@code now} under {@code policy}: the time it ran is added to {@code used}, in its own
     * calendar, when it pauses or changes policy, and the deadlines are computed anew from what is left.
     */
    private SlaClock continued(
            SlaPolicy policy,
            Duration newTarget,
            BusinessHours hours,
            Function<String, BusinessHours> calendars,
            boolean paused,
            Instant now) {
        boolean samePolicy = policy.id().equals(policyId)
                && Objects.equals(policy.calendarId(), calendarId)
                && newTarget.equals(target)
                && policy.warningPercent() == warningPercent;
        Duration usedNow = used;
        Instant since = runningSince;
        if (running() && (paused || !samePolicy)) {
            usedNow = used.plus(calendars.apply(calendarId).between(runningSince, now));
            since = paused ? null : now;
        } else if (!running() && !paused) {
            since = now;
        }
        return new SlaClock(
                        tenantId,
                        ticketId,
                        metric,
                        cycle,
                        startedAt,
                        policy.id(),
                        policy.calendarId(),
                        newTarget,
                        policy.warningPercent(),
                        usedNow,
                        since,
                        null,
                        null,
                        warned,
                        breached,
                        null,
                        ticketVersion,
                        revision)
                .withDeadlines(hours);
    }

    private SlaClock withDeadlines(BusinessHours hours) {
        Instant due = null;
        Instant warning = null;
        if (runningSince != null) {
            due = hours.plus(runningSince, positive(target.minus(used)));
            Duration warningBudget = target.multipliedBy(warningPercent).dividedBy(100);
            warning = hours.plus(runningSince, positive(warningBudget.minus(used)));
        }
        return new SlaClock(
                tenantId,
                ticketId,
                metric,
                cycle,
                startedAt,
                policyId,
                calendarId,
                target,
                warningPercent,
                used,
                runningSince,
                due,
                warning,
                warned,
                breached,
                stoppedAt,
                ticketVersion,
                revision);
    }

    /**
     * The resolution is measured once per time the ticket was opened: from its creation, then from each reopening (the
     * ticket's last change, when a new cycle is first seen, is its reopening).
     */
    private static Period resolutionPeriod(Ticket ticket) {
        int opening = ticket.milestones().reopenCount() + 1;
        return new Period(String.valueOf(opening), opening == 1 ? ticket.createdAt() : ticket.updatedAt());
    }

    /**
     * The next response is measured from the first customer message after the last answer (the first response, or
     * the answer that stopped the previous cycle); an open cycle goes on whatever the customer writes meanwhile.
     */
    private static Optional<Period> nextResponsePeriod(Ticket ticket, SlaClock existing) {
        if (existing != null && existing.open()) {
            return Optional.of(new Period(existing.cycle(), existing.startedAt()));
        }
        Instant waiting = ticket.milestones().lastCustomerMessageAt();
        Instant answered =
                latest(ticket.milestones().firstResponseAt(), existing != null ? existing.stoppedAt() : null);
        if (answered == null || waiting == null || !waiting.isAfter(answered)) {
            return Optional.empty();
        }
        return Optional.of(new Period(waiting.toString(), waiting));
    }

    private static Duration positive(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    /** The period a clock measures: its name and when it began. */
    private record Period(String cycle, Instant start) {}
}
