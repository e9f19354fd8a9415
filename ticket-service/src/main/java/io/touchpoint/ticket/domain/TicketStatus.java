package io.touchpoint.ticket.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a ticket is in its life. {@code NEW} until someone works on it, {@code PENDING} while waiting on the
 * customer, {@code ON_HOLD} while waiting on a third party, {@code RESOLVED} until the customer answers or it is
 * closed, {@code CLOSED} for good: a customer writing again gets a new ticket.
 */
public enum TicketStatus {
    NEW,
    OPEN,
    PENDING,
    ON_HOLD,
    RESOLVED,
    CLOSED;

    /** The statuses an agent may move a ticket in this status to. */
    public Set<TicketStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(OPEN, PENDING, ON_HOLD, RESOLVED);
            case OPEN -> EnumSet.of(PENDING, ON_HOLD, RESOLVED);
            case PENDING -> EnumSet.of(OPEN, ON_HOLD, RESOLVED);
            case ON_HOLD -> EnumSet.of(OPEN, PENDING, RESOLVED);
            case RESOLVED -> EnumSet.of(OPEN, CLOSED);
            case CLOSED -> EnumSet.noneOf(TicketStatus.class);
        };
    }

    public boolean canMoveTo(TicketStatus target) {
        return next().contains(target);
    }

    /** The status after a customer's message: waiting ends, a resolved ticket opens again. */
    public TicketStatus afterCustomerMessage() {
        return switch (this) {
            case NEW -> NEW;
            case OPEN, PENDING, ON_HOLD, RESOLVED -> OPEN;
            case CLOSED -> throw new InvalidTransitionException("A closed ticket takes no more messages.");
        };
    }

    /** The name the API and the events use: {@code on_hold}. */
    public String apiName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
