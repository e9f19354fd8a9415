package io.touchpoint.channel.application.inbound;

import io.touchpoint.starter.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** A webhook or widget request that is not in the format its channel defines: 400, nothing stored. */
public class MalformedPayloadException extends ProblemException {

    public MalformedPayloadException(String detail) {
        super(HttpStatus.BAD_REQUEST, "malformed_payload", detail);
    }
}
