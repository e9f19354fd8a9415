package io.touchpoint.channel.application;

import io.touchpoint.starter.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** A webhook or send for a connection its tenant switched off. */
public class ConnectionDisabledException extends ProblemException {

    public ConnectionDisabledException(String connectionId) {
        super(HttpStatus.CONFLICT, "connection_disabled", "Connection " + connectionId + " is disabled.");
    }
}
