package io.touchpoint.gateway.admin;

import io.touchpoint.gateway.web.Problems.FieldError;
import java.util.List;

/** The request is malformed or breaks a rule; answered 400 with every field at fault. */
class InvalidRequestException extends RuntimeException {

    private final List<FieldError> errors;

    InvalidRequestException(String detail, List<FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    List<FieldError> errors() {
        return errors;
    }
}
