package io.touchpoint.ticket.domain;

import java.time.Instant;

/**
 * When the moments that matter for service levels happened.
 *
 * @param lastCustomerMessageAt when the customer last wrote
 * @param firstResponseAt when an agent first replied; absent until then
 * @param resolvedAt when it was last resolved; absent while it is not resolved
 * @param reopenCount how many times it was reopened
 */
public record Milestones(Instant lastCustomerMessageAt, Instant firstResponseAt, Instant resolvedAt, int reopenCount) {}
