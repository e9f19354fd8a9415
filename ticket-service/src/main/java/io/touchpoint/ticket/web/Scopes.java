package io.touchpoint.ticket.web;

import io.touchpoint.starter.problem.ProblemException;
import io.touchpoint.tenancy.TenantContext;
import org.springframework.http.HttpStatus;

/**
 * Scope checks behind the gateway's, for writes: the gateway lets {@code tickets:write} or {@code agent} change
 * tickets, and the service checks the same, so a misconfigured route cannot let a read-only key write.
 */
final class Scopes {

    static final String TICKETS_WRITE = "tickets:write";

    static final String AGENT = "agent";

    private Scopes() {}

    static void requireWrite(TenantContext tenant) {
        if (!tenant.hasScope(TICKETS_WRITE) && !tenant.hasScope(AGENT)) {
            throw new ProblemException(
                    HttpStatus.FORBIDDEN,
                    "insufficient_scope",
                    "This needs the scope " + TICKETS_WRITE + " or " + AGENT + ".");
        }
    }
}
