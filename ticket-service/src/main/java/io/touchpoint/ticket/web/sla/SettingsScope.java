package io.touchpoint.ticket.web.sla;

import io.touchpoint.starter.problem.ProblemException;
import io.touchpoint.tenancy.TenantContext;
import org.springframework.http.HttpStatus;

/**
 * Changing service levels needs {@code tickets:write}: an {@code agent} key, which the gateway lets work on tickets,
 * may not change the targets it is measured against.
 */
final class SettingsScope {

    static final String WRITE = "tickets:write";

    private SettingsScope() {}

    static void requireWrite(TenantContext tenant) {
        if (!tenant.hasScope(WRITE)) {
            throw new ProblemException(
                    HttpStatus.FORBIDDEN, "insufficient_scope", "This needs the scope " + WRITE + ".");
        }
    }
}
