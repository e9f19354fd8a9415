package io.touchpoint.gateway.auth;

import io.touchpoint.tenancy.TenantContext;
import java.util.Objects;

/**
 * The authenticated caller of one request: the tenant context forwarded to the services, the credential that
 * proved it ({@code key_…} id of an API key, or the JWT subject) and the tenant's plan, which rate limits key on.
 * The authentication filter stores it in the exchange attributes under {@link #ATTRIBUTE}.
 */
public record Caller(TenantContext context, String credentialId, String plan) {

    public static final String ATTRIBUTE = Caller.class.getName();

    public Caller {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(plan, "plan");
    }

    public String tenantId() {
        return context.tenantId();
    }

    public boolean hasScope(String scope) {
        return context.hasScope(scope);
    }
}
