package io.touchpoint.channel.application.connection;

import io.touchpoint.starter.problem.ConflictException;

/** An email connection asked for an inbound address another connection receives mail for: 409, nothing changed. */
public class InboundAddressTakenException extends ConflictException {

    public InboundAddressTakenException(String address) {
        super("inbound_address_taken", "Mail for " + address + " is already received by another connection.");
    }
}
