package io.touchpoint.gateway.auth;

import java.util.Set;
import java.util.TreeSet;

/** The scopes the public API knows. Tenant keys may hold any of {@link #ALL}; only the platform holds {@link #ADMIN}. */
public final class Scopes {

    /** The tenant and key administration API, {@code /v1/admin/**}. */
    public static final String ADMIN = "admin";

    /** Every scope a tenant's key can be given: a key holding all of them can do everything a tenant can. */
    public static final Set<String> ALL = Set.of(
            "profiles:read",
            "profiles:write",
            "channels:read",
            "channels:admin",
            "tickets:read",
            "tickets:write",
            "agent",
            "feedback:read",
            "feedback:write",
            "events:subscribe");

    private Scopes() {}

    /** The tenant scopes in a stable order, for error messages. */
    public static Set<String> sorted() {
        return new TreeSet<>(ALL);
    }
}
