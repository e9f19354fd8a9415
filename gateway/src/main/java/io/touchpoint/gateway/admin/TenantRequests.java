package io.touchpoint.gateway.admin;

import java.util.List;

/** Request bodies of the tenant resource. */
final class TenantRequests {

    private TenantRequests() {}

    record CreateTenantRequest(String id, String name, String plan, List<String> allowedOrigins) {}

    record UpdateTenantRequest(String name, String plan, String status, List<String> allowedOrigins) {}
}
