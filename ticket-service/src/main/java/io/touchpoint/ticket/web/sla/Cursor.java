package io.touchpoint.ticket.web.sla;

import io.touchpoint.starter.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.http.HttpStatus;

/** Opaque list cursors: the last id of a page, base64url-encoded so clients do not build them. */
final class Cursor {

    private Cursor() {}

    static String encode(String lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastId.getBytes(StandardCharsets.UTF_8));
    }

    /** The id a cursor stands for; null for no cursor; 400 for one this service did not make. */
    static String decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid_cursor", "The cursor in 'after' is not valid.");
        }
    }
}
