package io.touchpoint.channel.web.chat;

/** Where a widget request carries its visitor token: {@code Authorization: Bearer}, or {@code ?token=} on streams. */
final class VisitorCredentials {

    private static final String BEARER = "bearer ";

    private VisitorCredentials() {}

    /** The bearer token of an {@code Authorization} header, else {@code queryToken}; null when neither is given. */
    static String token(String authorization, String queryToken) {
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length()).trim();
        }
        return queryToken;
    }
}
