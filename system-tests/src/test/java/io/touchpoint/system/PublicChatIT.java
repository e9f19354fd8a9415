package io.touchpoint.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
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

        List<String> frames = readStream(
                "/v1/public/chat/conversations/" + conversation + "/events?token=" + token, "Hello, is anyone there?");
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

    /** Reads the SSE stream until a line contains {@code until}, then hangs up; fails after 20 s. */
    private static List<String> readStream(String path, String until) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(20))
                .GET()
                .build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
                if (line.contains(until)) {
                    return lines;
                }
            }
        }
        throw new AssertionError("stream ended before '" + until + "': " + lines);
    }
}
