package io.touchpoint.starter.problem;

import org.springframework.http.HttpStatus;

/** 422 Unprocessable Content: the request is well-formed but cannot be carried out. */
public class UnprocessableException extends ProblemException {

    public UnprocessableException(String detail) {
        this("unprocessable", detail);
    }

    public UnprocessableException(String code, String detail) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, code, detail);
    }
}
