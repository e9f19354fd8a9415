package io.touchpoint.tenancy;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who is calling, on behalf of which tenant, with which scopes: what the gateway vouches for on every request it
 * forwards.
 */
public record TenantContext(String tenantId, String principal, Set<String> scopes) {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.:@\\-]{1,128}");

    public TenantContext {
        requireToken(tenantId, "tenantId");
        requireToken(principal, "principal");
        scopes = Set.copyOf(Objects.requireNonNull(scopes, "scopes"));
        scopes.forEach(scope -> requireToken(scope, "scope"));
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    private static void requireToken(String value, String name) {
        if (value == null || !TOKEN.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " must match " + TOKEN.pattern() + ": " + value);
        }
    }
}
