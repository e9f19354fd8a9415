package io.touchpoint.events.ticket;

import java.time.Instant;

/**
 * A deadline an SLA policy sets on a ticket, computed on the policy's business-hours calendar.
 *
 * @param policyId the SLA policy
 * @param metric what the deadline is for
 * @param dueAt when the target is breached if not met
 */
public record SlaTarget(String policyId, SlaMetric metric, Instant dueAt) {}
