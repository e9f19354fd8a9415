package io.touchpoint.gateway.admin;

import io.touchpoint.gateway.web.Problems.FieldError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/** Reading admin requests strictly (unknown fields are refused), paging, and collecting what is invalid. */
final class AdminRequests {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    static final Pattern PLAN = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private AdminRequests() {}

    static <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new InvalidRequestException("The request needs a JSON body.", List.of());
        }
        try {
            return STRICT.readValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidRequestException(
                    "Unknown field '" + e.getPropertyName() + "'.",
                    List.of(new FieldError(e.getPropertyName(), "is not a field of this request")));
        } catch (JacksonException e) {
            throw new InvalidRequestException("The body is not valid JSON for this request.", List.of());
        }
    }

    static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException(
                    "limit must be between 1 and " + MAX_LIMIT + ".",
                    List.of(new FieldError("limit", "must be between 1 and " + MAX_LIMIT)));
        }
        return limit;
    }

    /** The id a cursor stands for; cursors are opaque to clients. */
    static String after(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(
                    "after is not a cursor this API returned.",
                    List.of(new FieldError("after", "is not a valid cursor")));
        }
    }

    static String cursor(String lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastId.getBytes(StandardCharsets.UTF_8));
    }

    /** Collects field errors and throws them together. */
    static final class Errors {

        private final List<FieldError> errors = new ArrayList<>();

        Errors add(String field, String message) {
            errors.add(new FieldError(field, message));
            return this;
        }

        void throwIfAny() {
            if (!errors.isEmpty()) {
                FieldError first = errors.get(0);
                throw new InvalidRequestException(first.field() + " " + first.message() + ".", errors);
            }
        }
    }
}
