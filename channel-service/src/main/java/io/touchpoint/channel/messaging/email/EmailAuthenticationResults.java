package io.touchpoint.channel.messaging.email;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The SPF, DKIM and DMARC verdicts that the mail servers in front of the listener wrote into a message
 * ({@code Authentication-Results}, RFC 8601; {@code Received-SPF}, RFC 7208 §9.1). Touchpoint does not verify them
 * itself; it records what a trusted server found, so that ticket routing and agents can tell a spoofed sender.
 *
 * <p>A sender can write these headers too. Only the servers named in {@code trustedAuthservIds} count; without that
 * list, the topmost header does, which is the one the nearest server added.
 */
final class EmailAuthenticationResults {

    static final String SPF = "spf";

    static final String DKIM = "dkim";

    static final String DMARC = "dmarc";

    static final String AUTHSERV_ID = "authservId";

    private static final Pattern RESULT = Pattern.compile("^([A-Za-z0-9_-]+)(?:/[0-9]+)?\\s*=\\s*([A-Za-z]+)");

    private static final Pattern FIRST_WORD = Pattern.compile("^\\s*([A-Za-z]+)");

    private static final Pattern RECEIVER = Pattern.compile("(?i)\\breceiver\\s*=\\s*([^;\\s]+)");

    private final Set<String> trustedAuthservIds;

    EmailAuthenticationResults(List<String> trustedAuthservIds) {
        this.trustedAuthservIds = trustedAuthservIds.stream()
                .map(id -> id.trim().toLowerCase(Locale.ROOT))
                .filter(id -> !id.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The verdicts as metadata: {@code spf}, {@code dkim}, {@code dmarc} (e.g. {@code pass}, {@code fail},
     * {@code none}) and the {@code authservId} that reported them, each only when known.
     *
     * @param authenticationResults the {@code Authentication-Results} headers, topmost first
     * @param receivedSpf the {@code Received-SPF} headers, topmost first
     */
    Map<String, String> of(List<String> authenticationResults, List<String> receivedSpf) {
        Map<String, String> verdicts = new LinkedHashMap<>();
        authenticationResults.stream()
                .map(EmailAuthenticationResults::withoutComments)
                .filter(header -> trusted(authservId(header)))
                .findFirst()
                .ifPresent(header -> read(header, verdicts));
        if (!verdicts.containsKey(SPF)) {
            receivedSpf.stream()
                    .filter(header -> trustedAuthservIds.isEmpty() || trusted(receiver(header)))
                    .findFirst()
                    .flatMap(header -> firstWord(withoutComments(header)))
                    .ifPresent(result -> verdicts.put(SPF, result));
        }
        return verdicts;
    }

    private boolean trusted(String authservId) {
        return trustedAuthservIds.isEmpty() || trustedAuthservIds.contains(authservId);
    }

    private static void read(String header, Map<String, String> verdicts) {
        String[] parts = header.split(";");
        for (int i = 1; i < parts.length; i++) {
            Matcher matcher = RESULT.matcher(parts[i].trim());
            if (!matcher.find()) {
                continue;
            }
            String method = matcher.group(1).toLowerCase(Locale.ROOT);
            String result = matcher.group(2).toLowerCase(Locale.ROOT);
            if (method.equals(DKIM)) {
                // One result per signature: a message is DKIM-authenticated when any signature verifies.
                verdicts.merge(DKIM, result, (first, next) -> next.equals("pass") ? next : first);
            } else if (method.equals(SPF) || method.equals(DMARC)) {
                verdicts.putIfAbsent(method, result);
            }
        }
        if (!verdicts.isEmpty()) {
            verdicts.put(AUTHSERV_ID, authservId(header));
        }
    }

    private static String authservId(String header) {
        String first = header.split(";", 2)[0].trim();
        return first.isEmpty() ? "" : first.split("\\s+")[0].toLowerCase(Locale.ROOT);
    }

    private static String receiver(String header) {
        Matcher matcher = RECEIVER.matcher(header);
        return matcher.find() ? matcher.group(1).toLowerCase(Locale.ROOT) : "";
    }

    private static Optional<String> firstWord(String value) {
        Matcher matcher = FIRST_WORD.matcher(value);
        return matcher.find() ? Optional.of(matcher.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /** The header without RFC 5322 comments ({@code (…)}, nestable) and unfolded onto one line. */
    static String withoutComments(String header) {
        StringBuilder result = new StringBuilder(header.length());
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '\\' && i + 1 < header.length()) {
                if (depth == 0) {
                    result.append(c).append(header.charAt(i + 1));
                }
                i++;
            } else if (c == '"' && depth == 0) {
                quoted = !quoted;
                result.append(c);
            } else if (c == '(' && !quoted) {
                depth++;
            } else if (c == ')' && !quoted && depth > 0) {
                depth--;
            } else if (depth == 0) {
                result.append(c == '\r' || c == '\n' || c == '\t' ? ' ' : c);
            }
        }
        return result.toString();
    }
}
