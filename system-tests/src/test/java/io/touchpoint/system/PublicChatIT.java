package io.touchpoint.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The chat widget's public API through the gateway: no API key, the widget's connection id and the visitor token the
 * service issues prove who calls, and the event stream passes through without being cut or buffered.
 */
class PublicChatIT {

    private static Platform platform;

    private static PlatformClient anonymous;

    private static String connection;

    @BeforeAll
    static void widget() {
        platform = Platform.get();
        anonymous = PlatformClient.anonymous(platform);
        PlatformClient company = PlatformClient.newTenant(platform, "channels:admin");
        HttpResponse<String> created =
                company.post("/v1/channels/connections", "{\"kind\": \"web_chat\", \"displayName\": \"Website\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        connection = JsonPath.read(created.body(), "$.id");
    }

    @Test
    void aVisitorStartsAConversationWritesAndReadsItsStreamThroughTheGateway() throws Exception {
        HttpResponse<String> started = anonymous.post("/v1/public/chat/" + connection + "/conversations", "{}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        String conversation = JsonPath.read(started.body(), "$.id");
        String token = JsonPath.read(started.body(), "$.token");
        assertThat(started.headers().firstValue("Location")).hasValue("/v1/public/chat/conversations/" + conversation);
        assertThat(started.headers().firstValue("RateLimit-Policy"))
                .hasValueSatisfying(policy -> assertThat(policy).contains("public per IP"));

        HttpResponse<String> posted = anonymous.post(
                "/v1/public/chat/conversations/" + conversation + "/messages",
                "{\"clientMessageId\": \"c-1\", \"text\": \"Hello, is anyone there?\"}",
                Map.of("Authorization", "Bearer " + token));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);

        List<String> frames;
        try (EventStream stream =
                anonymous.stream("/v1/public/chat/conversations/" + conversation + "/events?token=" + token)) {
            frames = stream.assertOpen().readUntil("Hello, is anyone there?");
        }
        assertThat(frames).anySatisfy(line -> assertThat(line).startsWith("id:"));
        assertThat(frames).anySatisfy(line -> assertThat(line).contains("Hello, is anyone there?"));
    }

    @Test
    void anotherConversationsTokenIsRefused() {
        String first = JsonPath.read(
                anonymous
                        .post("/v1/public/chat/" + connection + "/conversations", "{}")
                        .body(),
                "$.token");
        String second = JsonPath.read(
                anonymous
                        .post("/v1/public/chat/" + connection + "/conversations", "{}")
                        .body(),
                "$.id");

        HttpResponse<String> posted = anonymous.post(
                "/v1/public/chat/conversations/" + second + "/messages",
                "{\"clientMessageId\": \"c-1\", \"text\": \"not mine\"}",
                Map.of("Authorization", "Bearer " + first));

        assertThat(posted.statusCode()).isIn(401, 404);
        assertThat(posted.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }
}
