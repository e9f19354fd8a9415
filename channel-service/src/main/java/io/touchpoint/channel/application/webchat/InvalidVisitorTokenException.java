package io.touchpoint.channel.application.webchat;

import io.touchpoint.starter.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** A widget request without a visitor token this service issued and that is still valid: 401. */
public class InvalidVisitorTokenException extends ProblemException {

    public InvalidVisitorTokenException(String detail) {
        super(HttpStatus.UNAUTHORIZED, "invalid_token", detail);
    }
}
