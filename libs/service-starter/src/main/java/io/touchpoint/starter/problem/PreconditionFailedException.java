package io.touchpoint.starter.problem;

import org.springframework.http.HttpStatus;

/** 412 Precondition Failed: an {@code If-Match} version no longer matches. */
public class PreconditionFailedException extends ProblemException {

    public PreconditionFailedException(String detail) {
        this("precondition_failed", detail);
    }

    public PreconditionFailedException(String code, String detail) {
        super(HttpStatus.PRECONDITION_FAILED, code, detail);
    }
}
