package io.touchpoint.channel.application.connection;

import io.touchpoint.starter.problem.ConflictException;

/** A webhook or send for a connection its tenant switched off. */
public class ConnectionDisabledException extends ConflictException {

    public ConnectionDisabledException(String connectionId) {
        super("connection_disabled", "Connection " + connectionId + " is disabled.");
    }
}
