package io.touchpoint.ticket.web.routing;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.touchpoint.starter.problem.ProblemException;
import io.touchpoint.tenancy.TenantContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.http.HttpStatus;

/**
 * What the routing controllers share with the service's other controllers: ETags from versions, opaque cursors, the
 * list shape, and the scope checks behind the gateway's.
 */
final class RoutingWeb {

    /** Configuring routing (teams, agents, rules) needs this scope; an {@code agent} key may not. */
    static final String TICKETS_WRITE = "tickets:write";

    static final String AGENT = "agent";

    static final String ID = "[A-Za-z0-9_.:@-]{1,128}";

    private RoutingWeb() {}

    static void requireAdmin(TenantContext tenant) {
        if (!tenant.hasScope(TICKETS_WRITE)) {
            throw new ProblemException(
                    HttpStatus.FORBIDDEN, "insufficient_scope", "This needs the scope " + TICKETS_WRITE + ".");
        }
    }

    static void requireWrite(TenantContext tenant) {
        if (!tenant.hasScope(TICKETS_WRITE) && !tenant.hasScope(AGENT)) {
            throw new ProblemException(
                    HttpStatus.FORBIDDEN,
                    "insufficient_scope",
                    "This needs the scope " + TICKETS_WRITE + " or " + AGENT + ".");
        }
    }

    static String etag(long version) {
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
        try {
            return Long.parseLong(value.replace("\"", ""));
        } catch (NumberFormatException e) {
            throw new ProblemException(
                    HttpStatus.PRECONDITION_FAILED,
                    "precondition_failed",
                    "If-Match " + ifMatch + " is not a version of this resource.");
        }
    }

    static String encode(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor stands for; null for no cursor; 400 for one this service did not make. */
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

    /** An enum constant from its API name ({@code least_loaded}); the request was validated against the names. */
    static <E extends Enum<E>> E constant(Class<E> type, String apiName) {
        return apiName != null ? Enum.valueOf(type, apiName.trim().toUpperCase(Locale.ROOT)) : null;
    }

    /** A page of a list: {@code next} is absent on the last page (API.md). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Page<T>(List<T> data, String next) {

        /** A page from {@code limit + 1} fetched items: the extra one only says that there is a next page. */
        static <S, T> Page<T> of(List<S> fetched, int limit, Function<S, String> position, Function<S, T> response) {
            boolean more = fetched.size() > limit;
            List<S> page = more ? fetched.subList(0, limit) : fetched;
            String next = more ? encode(position.apply(page.get(page.size() - 1))) : null;
            return new Page<>(page.stream().map(response).toList(), next);
        }
    }
}
