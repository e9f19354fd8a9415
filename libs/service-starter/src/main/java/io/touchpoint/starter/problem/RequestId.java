package io.touchpoint.starter.problem;

import jakarta.servlet.http.HttpServletRequest;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/** The request id that ties a response, its problem body and its log lines together. */
public final class RequestId {

    public static final String HEADER = "X-Request-Id";

    /** Request attribute holding the id for the whole exchange, including error dispatches. */
    public static final String ATTRIBUTE = RequestId.class.getName();

    public static final String MDC_KEY = "requestId";

    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");
    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestId() {}

    /** The id of the request, or {@code null} when the request id filter did not see it. */
    public static String of(HttpServletRequest request) {
        return (request.getAttribute(ATTRIBUTE) instanceof String id) ? id : null;
    }

    /** The caller's id when it is a plain token (it ends up in logs), else a fresh one. */
    static String acceptOrGenerate(String candidate) {
        return (candidate != null && ACCEPTABLE.matcher(candidate).matches()) ? candidate : generate();
    }

    static String generate() {
        char[] id = new char[24];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return "req_" + new String(id);
    }
}
