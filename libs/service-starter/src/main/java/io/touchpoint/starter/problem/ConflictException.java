package io.touchpoint.starter.problem;

import org.springframework.http.HttpStatus;

/** 409 Conflict: the request conflicts with the resource's current state. */
public class ConflictException extends ProblemException {

    public ConflictException(String detail) {
        this("conflict", detail);
    }

    public ConflictException(String code, String detail) {
        super(HttpStatus.CONFLICT, code, detail);
    }
}
