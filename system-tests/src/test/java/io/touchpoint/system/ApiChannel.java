package io.touchpoint.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A company app's channel ({@code kind: api}): created through the gateway by the company, and its customers' messages
 * posted by the app's backend to the gateway's public webhook route, signed with the connection's key.
 */
final class ApiChannel {

    private static final String SIGNING_KEY = "system-tests-api-channel-signing-key";

    private final Platform platform;

    private final String connectionId;

    private ApiChannel(Platform platform, String connectionId) {
        this.platform = platform;
        this.connectionId = connectionId;
    }

    /** Creates a connection named "Mobile app" for the tenant of {@code company}'s key. */
    static ApiChannel create(Platform platform, PlatformClient company) {
        HttpResponse<String> created = company.post(
                "/v1/channels/connections",
                "{\"kind\": \"api\", \"displayName\": \"Mobile app\", \"secrets\": {\"signingKey\": \"%s\"}}"
                        .formatted(SIGNING_KEY));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return new ApiChannel(platform, JsonPath.read(created.body(), "$.id"));
    }

    String id() {
        return connectionId;
    }

    /** A customer's message, as the app's backend posts it; returns the id channel-service gave the message. */
    String receive(String messageId, String customer, String text) {
        String body =
                "{\"messageId\": \"%s\", \"customer\": {\"kind\": \"external\", \"value\": \"%s\"}, \"text\": \"%s\"}"
                        .formatted(messageId, customer, text);
        long t = Instant.now().getEpochSecond();
        HttpResponse<String> response = PlatformClient.anonymous(platform)
                .post(
                        "/webhooks/api/" + connectionId,
                        body,
                        Map.of("Touchpoint-Signature", "t=" + t + ",v1=" + hmac(t + "." + body)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JsonPath.read(response.body(), "$.id");
    }

    private static String hmac(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SIGNING_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
