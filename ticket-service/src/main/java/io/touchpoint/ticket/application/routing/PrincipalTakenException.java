package io.touchpoint.ticket.application.routing;

import io.touchpoint.starter.problem.ConflictException;

/** Another agent of the tenant signs in as this principal already. */
public class PrincipalTakenException extends ConflictException {

    public PrincipalTakenException(String principal) {
        super("principal_taken", "Another agent signs in as " + principal + ".");
    }
}
