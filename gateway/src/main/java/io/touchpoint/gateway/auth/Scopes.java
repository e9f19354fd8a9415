package io.touchpoint.gateway.auth;

import java.util.Set;

/** The scopes the public API knows; a key holding all of them can do everything a tenant can. */
public final class Scopes {

    public static final Set<String> ALL = Set.of(
            "profiles:read",
            "profiles:write",
            "channels:read",
            "channels:write",
            "tickets:read",
            "tickets:write",
            "feedback:read",
            "feedback:write");

    private Scopes() {}
}
