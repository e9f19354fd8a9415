package io.touchpoint.ticket.persistence.sla;

import io.touchpoint.events.ticket.Priority;
import io.touchpoint.events.ticket.SlaMetric;
import io.touchpoint.ticket.domain.sla.EscalationStep;
import io.touchpoint.ticket.domain.sla.SlaPolicy;
import io.touchpoint.ticket.domain.sla.SlaTrigger;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An SLA policy as stored; the unique index keeps one policy per tenant and priority on any MongoDB.
 *
 * @param targetMinutes business minutes by metric name
 */
@Document(SlaPolicyDocument.COLLECTION)
@CompoundIndex(name = "tenant_priority", def = "{'tenantId': 1, 'priority': 1}", unique = true)
@CompoundIndex(name = "tenant_id", def = "{'tenantId': 1, '_id': 1}")
record SlaPolicyDocument(
        @Id String id,
        String tenantId,
        String name,
        Priority priority,
        Map<String, Long> targetMinutes,
        String calendarId,
        int warningPercent,
        List<Step> escalations,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    static final String COLLECTION = "sla_policies";

    static SlaPolicyDocument of(SlaPolicy policy) {
        return new SlaPolicyDocument(
                policy.id(),
                policy.tenantId(),
                policy.name(),
                policy.priority(),
                policy.targets().entrySet().stream()
                        .collect(Collectors.toMap(target -> target.getKey().name(), target -> target.getValue()
                                .toMinutes())),
                policy.calendarId(),
                policy.warningPercent(),
                policy.escalations().stream().map(Step::of).toList(),
                policy.version(),
                policy.createdAt(),
                policy.updatedAt());
    }

    SlaPolicy toPolicy() {
        Map<SlaMetric, Duration> targets = new EnumMap<>(SlaMetric.class);
        targetMinutes.forEach((metric, minutes) -> targets.put(SlaMetric.valueOf(metric), Duration.ofMinutes(minutes)));
        return new SlaPolicy(
                id,
                tenantId,
                name,
                priority,
                targets,
                calendarId,
                warningPercent,
                escalations != null ? escalations.stream().map(Step::toStep).toList() : List.of(),
                version,
                createdAt,
                updatedAt);
    }

    /** An escalation step as stored. */
    record Step(SlaTrigger on, SlaMetric metric, Priority raisePriorityTo, String teamId) {

        static Step of(EscalationStep step) {
            return new Step(step.on(), step.metric(), step.raisePriorityTo(), step.teamId());
        }

        EscalationStep toStep() {
            return new EscalationStep(on, metric, raisePriorityTo, teamId);
        }
    }
}
