package io.touchpoint.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Inbound SMS webhooks as Twilio sends them: form-encoded, a fresh {@code MessageSid} each, signed with
 * {@code X-Twilio-Signature} (HMAC-SHA1 of the URL followed by the sorted parameters, with the auth token).
 *
 * @param from the sender of the next message, in E.164
 */
record SignedSms(String url, String authToken, Supplier<String> from) implements Supplier<HttpRequest> {

    private static final SecureRandom random = new SecureRandom();

    /** The {@code n}-th customer's phone number. */
    static String phone(int n) {
        return "+1555" + String.format("%07d", n);
    }

    static String newAuthToken() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public HttpRequest get() {
        return request(from.get());
    }

    HttpRequest request(String phone) {
        Map<String, String> params = new TreeMap<>();
        params.put("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""));
        params.put("AccountSid", "ACbench");
        params.put("From", phone);
        params.put("To", "+14155550100");
        params.put("Body", "Where is my order? It was due yesterday.");
        params.put("NumMedia", "0");
        StringBuilder signed = new StringBuilder(url);
        params.forEach((name, value) -> signed.append(name).append(value));
        String form = params.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", hmacSha1(authToken, signed.toString()))
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String hmacSha1(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
