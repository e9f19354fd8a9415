package io.touchpoint.ticket.domain;

/** A change the ticket's current status does not allow, such as reopening a closed ticket. */
public class InvalidTransitionException extends RuntimeException {

    public InvalidTransitionException(String message) {
        super(message);
    }
}
