package io.touchpoint.channel.application.inbound;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC computations providers sign webhooks with (and web chat signs visitor identities and tokens with), and a
 * comparison that does not leak timing.
 */
public final class Signatures {

    private static final String HMAC_SHA256 = "HmacSHA256";

    private Signatures() {}

    /** HMAC-SHA256 of {@code data} under {@code key}. */
    public static byte[] hmacSha256(byte[] key, byte[] data) {
        return hmac(HMAC_SHA256, key, data);
    }

    /** Hex of HMAC-SHA256, as Meta's {@code X-Hub-Signature-256: sha256=<hex>}. */
    public static String hmacSha256Hex(String key, byte[] data) {
        return HexFormat.of().formatHex(hmacSha256(key.getBytes(StandardCharsets.UTF_8), data));
    }

    /** Base64 of HMAC-SHA1, as Twilio's {@code X-Twilio-Signature}. */
    public static String hmacSha1Base64(String key, String data) {
        return Base64.getEncoder()
                .encodeToString(
                        hmac("HmacSHA1", key.getBytes(StandardCharsets.UTF_8), data.getBytes(StandardCharsets.UTF_8)));
    }

    /** Constant-time comparison; false when either side is null. */
    public static boolean matches(String expected, String actual) {
        if (expected == null || actual == null) {
            return false;
        }
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(String algorithm, byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }
}
