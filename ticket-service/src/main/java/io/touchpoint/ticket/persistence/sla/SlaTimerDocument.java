package io.touchpoint.ticket.persistence.sla;

import io.touchpoint.events.ticket.SlaMetric;
import io.touchpoint.ticket.domain.sla.SlaClock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An SLA clock as stored: one small document per ticket and metric, {@code _id} {@code tenant|ticket|metric}. The
 * scheduler finds due ones by {@code nextCheckAt} (indexed on MongoDB; the in-process stand-in scans this collection,
 * never the tickets) and leases one with {@code leaseOwner}/{@code leaseUntil}.
 *
 * @param nextCheckAt when the scheduler has to look at it next; absent while nothing is pending
 */
@Document(SlaTimerDocument.COLLECTION)
@CompoundIndex(name = "next_check", def = "{'nextCheckAt': 1}")
record SlaTimerDocument(
        @Id String id,
        String tenantId,
        String ticketId,
        SlaMetric metric,
        String cycle,
        Instant startedAt,
        String policyId,
        String calendarId,
        long targetMillis,
        int warningPercent,
        long usedMillis,
        Instant runningSince,
        Instant dueAt,
        Instant warnAt,
        boolean warned,
        boolean breached,
        Instant stoppedAt,
        long ticketVersion,
        long revision,
        Instant nextCheckAt,
        String leaseOwner,
        Instant leaseUntil) {

    static final String COLLECTION = "sla_timers";

    static SlaTimerDocument of(SlaClock clock, long revision) {
        return new SlaTimerDocument(
                clock.id(),
                clock.tenantId(),
                clock.ticketId(),
                clock.metric(),
                clock.cycle(),
                clock.startedAt(),
                clock.policyId(),
                clock.calendarId(),
                clock.target().toMillis(),
                clock.warningPercent(),
                clock.used().toMillis(),
                clock.runningSince(),
                clock.dueAt(),
                clock.warnAt(),
                clock.warned(),
                clock.breached(),
                clock.stoppedAt(),
                clock.ticketVersion(),
                revision,
                clock.nextCheckAt(),
                null,
                null);
    }

    SlaClock toClock() {
        return new SlaClock(
                tenantId,
                ticketId,
                metric,
                cycle,
                startedAt,
                policyId,
                calendarId,
                Duration.ofMillis(targetMillis),
                warningPercent,
                Duration.ofMillis(usedMillis),
                runningSince,
                dueAt,
                warnAt,
                warned,
                breached,
                stoppedAt,
                ticketVersion,
                revision);
    }
}
