package io.touchpoint.ticket.application.sla;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.touchpoint.events.ticket.Priority;
import io.touchpoint.events.ticket.SlaMetric;
import io.touchpoint.starter.problem.ConflictException;
import io.touchpoint.starter.problem.NotFoundException;
import io.touchpoint.starter.problem.PreconditionFailedException;
import io.touchpoint.ticket.config.SlaProperties;
import io.touchpoint.ticket.domain.Ids;
import io.touchpoint.ticket.domain.InvalidFieldException;
import io.touchpoint.ticket.domain.sla.EscalationStep;
import io.touchpoint.ticket.domain.sla.SlaPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** A tenant's SLA policies, one per priority, each counting in a business calendar or around the clock. */
@Service
public class SlaPolicies {

    private final SlaPolicyStore store;

    private final BusinessCalendarStore calendars;

    private final Clock clock;

    private final Cache<PriorityKey, Optional<SlaPolicy>> byPriority;

    public SlaPolicies(SlaPolicyStore store, BusinessCalendarStore calendars, SlaProperties properties, Clock clock) {
        this.store = store;
        this.calendars = calendars;
        this.clock = clock;
        this.byPriority = Caffeine.newBuilder()
                .expireAfterWrite(properties.cacheTtl())
                .maximumSize(100_000)
                .build();
    }

    public SlaPolicy create(String tenantId, SlaPolicyContent content) {
        Instant now = clock.instant();
        SlaPolicy policy = content.toPolicy(Ids.next(SlaPolicy.ID_PREFIX), tenantId, 1, now, now);
        requireCalendar(tenantId, policy.calendarId());
        if (!store.insert(policy)) {
            throw priorityTaken(policy.priority());
        }
        byPriority.invalidate(new PriorityKey(tenantId, policy.priority()));
        return policy;
    }

    public SlaPolicy get(String tenantId, String id) {
        return store.find(tenantId, id).orElseThrow(() -> notFound(id));
    }

    public List<SlaPolicy> page(String tenantId, String after, int limit) {
        return store.page(tenantId, after, limit);
    }

    /**
     * Replaces the policy. Tickets already running clocks under it move to the new targets with their next change.
     *
     * @param expectedVersion the version the caller read ({@code If-Match}), or null to replace whatever is stored
     */
    public SlaPolicy replace(String tenantId, String id, SlaPolicyContent content, Long expectedVersion) {
        SlaPolicy current = get(tenantId, id);
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new PreconditionFailedException(
                    "SLA policy " + id + " is at version " + current.version() + ", not " + expectedVersion + ".");
        }
        SlaPolicy replaced =
                content.toPolicy(id, tenantId, current.version() + 1, current.createdAt(), clock.instant());
        requireCalendar(tenantId, replaced.calendarId());
        try {
            if (!store.replace(replaced, current.version())) {
                throw new PreconditionFailedException("SLA policy " + id + " changed while it was being replaced.");
            }
        } catch (SlaPolicyStore.PriorityTakenException taken) {
            throw priorityTaken(replaced.priority());
        }
        byPriority.invalidate(new PriorityKey(tenantId, current.priority()));
        byPriority.invalidate(new PriorityKey(tenantId, replaced.priority()));
        return replaced;
    }

    public void delete(String tenantId, String id) {
        SlaPolicy current = get(tenantId, id);
        if (!store.delete(tenantId, id)) {
            throw notFound(id);
        }
        byPriority.invalidate(new PriorityKey(tenantId, current.priority()));
    }

    /** The policy tickets of {@code priority} run under; read again at most every {@code cacheTtl}. */
    public Optional<SlaPolicy> forPriority(String tenantId, Priority priority) {
        return byPriority.get(new PriorityKey(tenantId, priority), key -> store.findForPriority(tenantId, priority));
    }

    private void requireCalendar(String tenantId, String calendarId) {
        if (calendarId != null && calendars.find(tenantId, calendarId).isEmpty()) {
            throw new InvalidFieldException("calendarId", "no business calendar " + calendarId);
        }
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("sla_policy_not_found", "No SLA policy " + id + ".");
    }

    private static ConflictException priorityTaken(Priority priority) {
        return new ConflictException(
                "sla_policy_exists",
                "There is an SLA policy for " + priority.name().toLowerCase(java.util.Locale.ROOT)
                        + " tickets already; change that one.");
    }

    /**
     * The fields of a policy; see {@link SlaPolicy}.
     *
     * @param warningPercent null for {@value SlaPolicy#DEFAULT_WARNING_PERCENT}
     */
    public record SlaPolicyContent(
            String name,
            Priority priority,
            Map<SlaMetric, Duration> targets,
            String calendarId,
            Integer warningPercent,
            List<EscalationStep> escalations) {

        SlaPolicy toPolicy(String id, String tenantId, long version, Instant createdAt, Instant updatedAt) {
            return new SlaPolicy(
                    id,
                    tenantId,
                    name,
                    priority,
                    targets,
                    calendarId,
                    warningPercent != null ? warningPercent : SlaPolicy.DEFAULT_WARNING_PERCENT,
                    escalations,
                    version,
                    createdAt,
                    updatedAt);
        }
    }

    private record PriorityKey(String tenantId, Priority priority) {}
}
