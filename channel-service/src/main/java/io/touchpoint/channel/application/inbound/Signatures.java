package io.touchpoint.channel.application;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The HMAC computations providers sign webhooks with, and a comparison that does not leak timing. */
public final class Signatures {

    private Signatures() {}

    public static byte[] hmac(String algorithm, String key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }

    /** Hex of HMAC-SHA256, as Meta's {@code X-Hub-Signature-256: sha256=<hex>}. */
    public static String hmacSha256Hex(String key, byte[] data) {
        return HexFormat.of().formatHex(hmac("HmacSHA256", key, data));
    }

    /** Base64 of HMAC-SHA1, as Twilio's {@code X-Twilio-Signature}. */
    public static String hmacSha1Base64(String key, String data) {
        return Base64.getEncoder().encodeToString(hmac("HmacSHA1", key, data.getBytes(StandardCharsets.UTF_8)));
    }

    /** Constant-time comparison; false when either side is null. */
    public static boolean matches(String expected, String actual) {
        if (expected == null || actual == null) {
            return false;
        }
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }
}
