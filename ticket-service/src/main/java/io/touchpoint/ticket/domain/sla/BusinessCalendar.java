package io.touchpoint.ticket.domain.sla;

import io.touchpoint.ticket.domain.InvalidFieldException;
import java.time.Instant;
import java.util.Objects;

/**
 * A tenant's named business hours, which SLA policies count their targets in.
 *
 * @param version incremented on every change; the resource's ETag
 */
public record BusinessCalendar(
        String id,
        String tenantId,
        String name,
        BusinessHours hours,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static final String ID_PREFIX = "cal";

    public static final int MAX_NAME_LENGTH = 200;

    public BusinessCalendar {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(hours, "hours");
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new InvalidFieldException("name", "must be 1 to " + MAX_NAME_LENGTH + " characters");
        }
    }
}
