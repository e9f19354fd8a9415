package io.touchpoint.ticket.web.sla;

import io.touchpoint.starter.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** A resource's {@code version} as its strong ETag, {@code "3"}, and back from {@code If-Match}. */
final class ETags {

    private ETags() {}

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version {@code If-Match} asks for; null when the header is absent or {@code *}. */
    static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ProblemException(
                    HttpStatus.PRECONDITION_FAILED,
                    "precondition_failed",
                    "If-Match " + ifMatch + " is not a version of this resource.");
        }
    }
}
