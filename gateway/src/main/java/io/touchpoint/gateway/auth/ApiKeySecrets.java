package io.touchpoint.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Secrets of the API keys the gateway issues: {@code tp_live_} followed by 256 random bits in base64url. Only their
 * SHA-256 is stored. A fast hash is enough here, unlike for passwords: the secret is random with 256 bits of entropy,
 * so a stolen hash cannot be reversed by guessing, however fast each guess is, and a fast hash keeps a cache miss
 * cheap.
 */
public final class ApiKeySecrets {

    public static final String PREFIX = "tp_live_";

    private static final int RANDOM_BYTES = 32;

    /** How much of a secret is kept to show which key is which ({@code tp_live_ab12}); 16 of 256 bits. */
    private static final int DISPLAYED_CHARACTERS = PREFIX.length() + 4;

    private static final Pattern ISSUED = Pattern.compile(Pattern.quote(PREFIX) + "[A-Za-z0-9_-]{43}");

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeySecrets() {}

    public static String newSecret() {
        byte[] random = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(random);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** Whether a presented token has the shape of a key the gateway issued (worth looking up in the store). */
    public static boolean looksIssued(String token) {
        return token != null && ISSUED.matcher(token).matches();
    }

    /** Lower-case hex SHA-256 of the secret, as stored. */
    public static String hash(String secret) {
        return HexFormat.of().formatHex(sha256(secret));
    }

    /** The start of the secret, safe to list and log. */
    public static String displayPrefix(String secret) {
        return secret.substring(0, Math.min(DISPLAYED_CHARACTERS, secret.length())) + "…";
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
