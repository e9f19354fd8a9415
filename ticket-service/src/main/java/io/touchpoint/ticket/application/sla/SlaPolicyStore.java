package io.touchpoint.ticket.application.sla;

import io.touchpoint.events.ticket.Priority;
import io.touchpoint.ticket.domain.sla.SlaPolicy;
import java.util.List;
import java.util.Optional;

/** Where SLA policies are kept: at most one per tenant and priority. */
public interface SlaPolicyStore {

    /** @return false if the tenant has a policy for that priority already */
    boolean insert(SlaPolicy policy);

    Optional<SlaPolicy> find(String tenantId, String id);

    Optional<SlaPolicy> findForPriority(String tenantId, Priority priority);

    /** Policies of {@code tenantId} in id order after {@code after} (exclusive, may be null), at most {@code limit}. */
    List<SlaPolicy> page(String tenantId, String after, int limit);

    /**
     * Replaces the policy if its stored version is {@code expectedVersion}.
     *
     * @return false if it changed or is gone
     * @throws PriorityTakenException if another policy of the tenant has the new priority
     */
    boolean replace(SlaPolicy policy, long expectedVersion);

    boolean delete(String tenantId, String id);

    /** Whether a policy of the tenant counts in {@code calendarId}. */
    boolean usesCalendar(String tenantId, String calendarId);

    /** Another policy of the tenant has the priority a write wanted. */
    class PriorityTakenException extends RuntimeException {

        public PriorityTakenException(String message) {
            super(message);
        }
    }
}
