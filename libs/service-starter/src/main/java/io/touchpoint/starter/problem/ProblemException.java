package io.touchpoint.starter.problem;

import java.util.Objects;
import org.springframework.http.HttpStatusCode;

/**
 * An error that a service raises on purpose and that the starter turns into a problem response with its status, code
 * and detail. The detail is shown to the caller: never put secrets or another tenant's data in it.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatusCode status;
    private final String code;

    public ProblemException(HttpStatusCode status, String code, String detail) {
        super(detail);
        this.status = Objects.requireNonNull(status, "status");
        this.code = Objects.requireNonNull(code, "code");
    }

    public HttpStatusCode status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }
}
