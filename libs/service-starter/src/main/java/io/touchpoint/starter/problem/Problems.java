package io.touchpoint.starter.problem;

import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds RFC 9457 problems in the platform's shape: a stable {@code type} URI derived from a snake_case {@code code},
 * plus {@code code}, {@code instance} and {@code requestId}.
 */
public final class Problems {

    /** Every problem type URI starts with this; the rest is the code with dashes. */
    public static final String TYPE_PREFIX = "https://touchpoint.dev/problems/";

    public static final String CODE = "code";
    public static final String REQUEST_ID = "requestId";
    public static final String ERRORS = "errors";

    private Problems() {}

    public static URI type(String code) {
        return URI.create(TYPE_PREFIX + code.replace('_', '-'));
    }

    /** A problem with the given code; the title is the status's reason phrase. */
    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        return withCode(problem, code);
    }

    /** Sets {@code type}, {@code code} and, when missing, the {@code title} of a problem. */
    public static ProblemDetail withCode(ProblemDetail problem, String code) {
        problem.setType(type(code));
        problem.setProperty(CODE, code);
        if (problem.getTitle() == null) {
            HttpStatus status = HttpStatus.resolve(problem.getStatus());
            problem.setTitle(status != null ? status.getReasonPhrase() : "Error");
        }
        return problem;
    }

    /** The platform's code for a status when nothing more specific is known. */
    public static String defaultCode(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "bad_request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 409 -> "conflict";
            case 412 -> "precondition_failed";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            case 422 -> "unprocessable";
            case 429 -> "rate_limited";
            case 500 -> "internal_error";
            case 503 -> "service_unavailable";
            default -> snakeCase(status);
        };
    }

    private static String snakeCase(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        if (known == null) {
            return status.is5xxServerError() ? "internal_error" : "bad_request";
        }
        return known.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }
}
