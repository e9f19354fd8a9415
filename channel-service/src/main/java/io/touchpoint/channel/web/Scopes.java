package io.touchpoint.channel.web;

import io.touchpoint.starter.problem.ProblemException;
import io.touchpoint.tenancy.TenantContext;
import org.springframework.http.HttpStatus;

/**
 * Scope checks behind the gateway's: the gateway enforces scopes per route, and the service checks again the ones
 * that guard secrets, so a misconfigured route cannot expose them.
 */
final class Scopes {

    static final String CHANNELS_ADMIN = "channels:admin";

    private Scopes() {}

    static void require(TenantContext tenant, String scope) {
        if (!tenant.hasScope(scope)) {
            throw new ProblemException(
                    HttpStatus.FORBIDDEN, "insufficient_scope", "This needs the scope " + scope + ".");
        }
    }
}
