package io.touchpoint.gateway.admin;

import io.touchpoint.gateway.tenant.TenantDocument;
import java.time.Instant;
import java.util.List;

record TenantResponse(
        String id,
        String name,
        String plan,
        String status,
        List<String> allowedOrigins,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    static TenantResponse of(TenantDocument tenant) {
        return new TenantResponse(
                tenant.id(),
                tenant.name(),
                tenant.plan(),
                tenant.status(),
                tenant.allowedOrigins(),
                tenant.createdAt(),
                tenant.updatedAt(),
                tenant.version());
    }

    String etag() {
        return "\"" + version + "\"";
    }
}
