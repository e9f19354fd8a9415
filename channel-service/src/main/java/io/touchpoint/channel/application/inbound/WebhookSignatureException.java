package io.touchpoint.channel.application.inbound;

import io.touchpoint.starter.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** A webhook whose signature is missing or wrong: 401, nothing stored. */
public class WebhookSignatureException extends ProblemException {

    public WebhookSignatureException(String reason) {
        super(
                HttpStatus.UNAUTHORIZED,
                "invalid_signature",
                "The request signature is " + reason.replace('_', ' ') + ".");
    }
}
