package io.touchpoint.starter.tenant;

import io.touchpoint.tenancy.TenantContext;
import java.util.Optional;

/** Application code's view of who the current request or message is for. */
public class CurrentTenant {

    /** The bound context; throws when the current work has none (a bug: the caller ran outside a tenant). */
    public TenantContext get() {
        return TenantContextHolder.current()
                .orElseThrow(() -> new IllegalStateException("No tenant context is bound to this thread"));
    }

    public String tenantId() {
        return get().tenantId();
    }

    public Optional<TenantContext> find() {
        return TenantContextHolder.current();
    }
}
