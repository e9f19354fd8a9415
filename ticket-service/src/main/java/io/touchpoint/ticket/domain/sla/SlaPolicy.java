package io.touchpoint.ticket.domain.sla;

import io.touchpoint.events.ticket.Priority;
import io.touchpoint.events.ticket.SlaMetric;
import io.touchpoint.ticket.domain.InvalidFieldException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The service levels a tenant promises for tickets of one priority: how long the first response, each next response
 * and the resolution may take, counted in business time of a calendar, and what happens when a target comes close or
 * passes.
 *
 * @param targets the business time each measured metric may take; a metric that is absent is not measured
 * @param calendarId the business calendar the targets count in; null to count around the clock
 * @param warningPercent how much of a target's time may pass before its warning steps fire, 1 to 99
 * @param escalations what happens on warnings and breaches, in order
 * @param version incremented on every change; the resource's ETag
 */
public record SlaPolicy(
        String id,
        String tenantId,
        String name,
        Priority priority,
        Map<SlaMetric, Duration> targets,
        String calendarId,
        int warningPercent,
        List<EscalationStep> escalations,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static final String ID_PREFIX = "slp";

    public static final int DEFAULT_WARNING_PERCENT = 80;

    public static final int MAX_NAME_LENGTH = 200;

    public static final int MAX_ESCALATIONS = 20;

    public static final Duration MAX_TARGET = Duration.ofDays(365);

    public SlaPolicy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new InvalidFieldException("name", "must be 1 to " + MAX_NAME_LENGTH + " characters");
        }
        if (priority == null) {
            throw new InvalidFieldException("priority", "must be one of low, normal, high, urgent");
        }
        Map<SlaMetric, Duration> measured = new EnumMap<>(SlaMetric.class);
        (targets != null ? targets : Map.<SlaMetric, Duration>of()).forEach((metric, target) -> {
            if (target == null || target.isNegative() || target.isZero() || target.compareTo(MAX_TARGET) > 0) {
                throw new InvalidFieldException("targets", "each target must be positive and at most 365 days");
            }
            if (target.toNanos() % 60_000_000_000L != 0) {
                throw new InvalidFieldException("targets", "targets are whole minutes");
            }
            measured.put(metric, target);
        });
        if (measured.isEmpty()) {
            throw new InvalidFieldException("targets", "a policy needs at least one target");
        }
        targets = Map.copyOf(measured);
        if (warningPercent < 1 || warningPercent > 99) {
            throw new InvalidFieldException("warningThreshold", "must be 1 to 99 (percent of the target)");
        }
        escalations = List.copyOf(escalations != null ? escalations : List.of());
        if (escalations.size() > MAX_ESCALATIONS) {
            throw new InvalidFieldException("escalations", "at most " + MAX_ESCALATIONS + " steps");
        }
    }

    /** The business time {@code metric} may take; empty when the policy does not measure it. */
    public Optional<Duration> target(SlaMetric metric) {
        return Optional.ofNullable(targets.get(metric));
    }

    /** The steps that fire when {@code metric} reaches {@code trigger}, in order. */
    public List<EscalationStep> stepsOn(SlaTrigger trigger, SlaMetric metric) {
        return escalations.stream()
                .filter(step -> step.firesOn(trigger, metric))
                .toList();
    }
}
