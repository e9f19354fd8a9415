package io.touchpoint.channel.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An inbound-SMS webhook as Twilio sends it: the form parameters of a recorded request
 * ({@code src/test/resources/webhooks/twilio}), encoded and signed the way Twilio does, written here independently of
 * the service's code.
 */
final class TwilioWebhook {

    private final Map<String, String> params;

    private TwilioWebhook(Map<String, String> params) {
        this.params = params;
    }

    static TwilioWebhook recorded(String resource) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : read("/webhooks/twilio/" + resource).split("&")) {
            String[] parts = pair.split("=", 2);
            params.put(
                    URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return new TwilioWebhook(params);
    }

    /** A copy with {@code name} set to {@code value}, or removed when {@code value} is null. */
    TwilioWebhook with(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(params);
        if (value == null) {
            changed.remove(name);
        } else {
            changed.put(name, value);
        }
        return new TwilioWebhook(changed);
    }

    /** The same message with another MessageSid, as Twilio gives each message. */
    TwilioWebhook withSid(String sid) {
        return with("MessageSid", sid).with("SmsMessageSid", sid).with("SmsSid", sid);
    }

    String param(String name) {
        return params.get(name);
    }

    String body() {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** {@code X-Twilio-Signature} for a POST of these parameters to {@code url}. */
    String signature(String authToken, String url) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(String resource) {
        try (InputStream in = TwilioWebhook.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
