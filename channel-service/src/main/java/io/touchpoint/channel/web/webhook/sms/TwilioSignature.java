package io.touchpoint.channel.web.webhook.sms;

import io.touchpoint.channel.application.inbound.Signatures;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Twilio's {@code X-Twilio-Signature}: base64 of HMAC-SHA1, keyed with the account's auth token, over the full URL
 * Twilio requested (scheme, host, port if any, path and query string, exactly as configured in Twilio) followed by
 * every POST parameter's name and value, in parameter name order, with no separators.
 */
final class TwilioSignature {

    static final String HEADER = "X-Twilio-Signature";

    /** The connection secret Twilio signs with: the account's auth token. */
    static final String SECRET = "authToken";

    private TwilioSignature() {}

    /** The signature Twilio sends for a POST of {@code parameters} (body parameters only) to {@code url}. */
    static String compute(String authToken, String url, Map<String, List<String>> parameters) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(parameters)
                .forEach((name, values) -> values.stream().sorted().forEach(value -> data.append(name)
                        .append(value == null ? "" : value)));
        return Signatures.hmacSha1Base64(authToken, data.toString());
    }

    /**
     * Whether {@code signature} signs {@code parameters} posted to {@code url}. Like Twilio's own validators, the URL
     * is tried as given and with its default port added or removed, because Twilio signs the URL as it was entered.
     */
    static boolean verify(String authToken, String url, Map<String, List<String>> parameters, String signature) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        boolean matched = false;
        for (String candidate : withAndWithoutDefaultPort(url)) {
            // No early exit: the time taken does not tell which variant, if any, matched.
            matched |= Signatures.matches(compute(authToken, candidate, parameters), signature);
        }
        return matched;
    }

    static Set<String> withAndWithoutDefaultPort(String url) {
        Set<String> variants = new LinkedHashSet<>(List.of(url));
        try {
            URI uri = new URI(url);
            int defaultPort = "https".equalsIgnoreCase(uri.getScheme())
                    ? 443
                    : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : -1;
            if (defaultPort < 0 || uri.getRawAuthority() == null) {
                return variants;
            }
            if (uri.getPort() == -1) {
                variants.add(withAuthority(uri, uri.getRawAuthority() + ":" + defaultPort));
            } else if (uri.getPort() == defaultPort) {
                String authority = uri.getRawAuthority();
                variants.add(withAuthority(uri, authority.substring(0, authority.lastIndexOf(':'))));
            }
        } catch (URISyntaxException e) {
            // not a URL we can vary: only the one given
        }
        return variants;
    }

    private static String withAuthority(URI uri, String authority) {
        List<String> parts = new ArrayList<>();
        parts.add(uri.getScheme() + "://" + authority);
        parts.add(uri.getRawPath() == null ? "" : uri.getRawPath());
        if (uri.getRawQuery() != null) {
            parts.add("?" + uri.getRawQuery());
        }
        if (uri.getRawFragment() != null) {
            parts.add("#" + uri.getRawFragment());
        }
        return String.join("", parts);
    }
}
