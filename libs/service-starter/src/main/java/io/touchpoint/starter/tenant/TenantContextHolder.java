package io.touchpoint.starter.tenant;

import io.touchpoint.tenancy.TenantContext;
import java.util.Objects;
import java.util.Optional;

/**
 * The tenant context of the work the current thread is doing. The tenant filter binds it for a request; messaging
 * code can bind it for the handling of one message with {@link #bind(TenantContext)}.
 */
public final class TenantContextHolder {

    private static final ThreadLocal<TenantContext> CURRENT = new ThreadLocal<>();

    private TenantContextHolder() {}

    public static Optional<TenantContext> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Binds a context until the returned binding is closed, which restores what was bound before. */
    public static Binding bind(TenantContext context) {
        Objects.requireNonNull(context, "context");
        TenantContext previous = CURRENT.get();
        CURRENT.set(context);
        return () -> {
            if (previous != null) {
                CURRENT.set(previous);
            } else {
                CURRENT.remove();
            }
        };
    }

    /** Closing it unbinds the context. */
    @FunctionalInterface
    public interface Binding extends AutoCloseable {
        @Override
        void close();
    }
}
