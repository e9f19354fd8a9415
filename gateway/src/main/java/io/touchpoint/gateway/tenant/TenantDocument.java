package io.touchpoint.gateway.tenant;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A tenant as stored; {@code version} grows by one with every change and is the resource's ETag. */
@Document("tenants")
public record TenantDocument(
        @Id String id,
        String name,
        String plan,
        String status,
        List<String> allowedOrigins,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public static final String ACTIVE = "active";
    public static final String SUSPENDED = "suspended";

    public boolean active() {
        return ACTIVE.equals(status);
    }

    public List<String> allowedOrigins() {
        return allowedOrigins == null ? List.of() : allowedOrigins;
    }
}
