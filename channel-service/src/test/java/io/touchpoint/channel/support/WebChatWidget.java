package io.touchpoint.channel.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.touchpoint.test.sse.SseClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** What a chat widget in a browser does against {@code /public/chat/**}: no tenant context, a visitor token. */
public final class WebChatWidget {

    private final ChannelApi api;

    private final String connectionId;

    public WebChatWidget(ChannelApi api, String connectionId) {
        this.api = api;
        this.connectionId = connectionId;
    }

    /** Starts a conversation with {@code json} as the body (null for none). */
    public HttpResponse<String> start(String json) {
        HttpRequest.Builder request = api.publicRequest("/public/chat/" + connectionId + "/conversations");
        if (json == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return api.sendPublic(request);
    }

    /** Starts a conversation for an anonymous visitor. */
    public Conversation startAnonymous() {
        HttpResponse<String> response = start(null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return new Conversation(JsonPath.read(response.body(), "$.id"), JsonPath.read(response.body(), "$.token"));
    }

    /** {@code POST /public/chat/conversations/{id}/{action}} with the visitor token {@code token} (null for none). */
    public HttpResponse<String> post(String conversationId, String action, String token, String json) {
        HttpRequest.Builder request = api.publicRequest("/public/chat/conversations/" + conversationId + "/" + action)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return api.sendPublic(request);
    }

    public HttpResponse<String> postMessage(Conversation conversation, String clientMessageId, String text) {
        return post(
                conversation.id(),
                "messages",
                conversation.token(),
                "{\"clientMessageId\": \"%s\", \"text\": \"%s\"}".formatted(clientMessageId, text));
    }

    public HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request = api.publicRequest(path).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return api.sendPublic(request);
    }

    /** Opens the conversation's event stream as {@code EventSource} does: token in the query, no headers. */
    public SseClient events(Conversation conversation) {
        return events(conversation, "", Map.of());
    }

    /** Opens the event stream with {@code query} (e.g. {@code &after=3}) and {@code headers} (e.g. Last-Event-ID). */
    public SseClient events(Conversation conversation, String query, Map<String, String> headers) {
        return SseClient.open(
                URI.create(api.baseUrl() + "/public/chat/conversations/" + conversation.id() + "/events?token="
                        + conversation.token() + query),
                headers);
    }

    /** What the company's backend computes for an identified visitor: hex HMAC-SHA256 of the user id. */
    public static String userHash(String identitySecret, String userId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(identitySecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(userId.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A started conversation as the widget keeps it. */
    public record Conversation(String id, String token) {}
}
