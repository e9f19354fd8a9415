package io.touchpoint.ticket.domain;

/** A value a ticket or canned response cannot take; {@code field} names it as the API does. */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
