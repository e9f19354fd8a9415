package io.touchpoint.starter.problem;

import org.springframework.http.HttpStatus;

/** 404 Not Found: the resource does not exist, or belongs to another tenant. */
public class NotFoundException extends ProblemException {

    public NotFoundException(String detail) {
        this("not_found", detail);
    }

    public NotFoundException(String code, String detail) {
        super(HttpStatus.NOT_FOUND, code, detail);
    }
}
