package io.touchpoint.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.touchpoint.channel.support.ChannelApi;
import io.touchpoint.channel.support.Connections;
import io.touchpoint.events.Channel;
import io.touchpoint.events.EventType;
import io.touchpoint.events.Handle;
import io.touchpoint.events.interaction.InteractionReceived;
import io.touchpoint.test.events.EventCapture;
import io.touchpoint.test.infrastructure.RealInfrastructure;
import io.touchpoint.test.infrastructure.TestInfrastructure;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/** A Telegram bot's webhook end to end: updates with the secret token in, one message and one event per message. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class TelegramWebhookIT {

    private static final String SECRET_TOKEN = "telegram-secret_token-0123456789";

    @LocalServerPort
    int port;

    @Value("${touchpoint.tenant-context.key}")
    String tenantContextKey;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    ChannelApi api;

    String connectionId;

    EventCapture interactions;

    @BeforeEach
    void connection() {
        api = ChannelApi.forTenant(
                port, tenantContextKey, "tenant_" + UUID.randomUUID().toString().substring(0, 8));
        connectionId = Connections.create(
                api,
                """
                {"kind": "telegram", "displayName": "Support bot", "secrets": {"secretToken": "%s",
                 "botToken": "7012345678:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"}}"""
                        .formatted(SECRET_TOKEN));
        interactions = EventCapture.bind(
                TestInfrastructure.virtualHostFor(getClass()).connectionFactory(), EventType.INTERACTION_RECEIVED);
    }

    @AfterEach
    void close() {
        interactions.close();
    }

    @Test
    void aMessageUpdateIsStoredAndPublished() {
        HttpResponse<String> response = post(resource("message.json"), SECRET_TOKEN);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(storedFor("5520134872:1365")).isEqualTo(1);
        interactions.awaitCount(1);
        InteractionReceived event =
                interactions.payloads(InteractionReceived.class).get(0);
        assertThat(event.channel()).isEqualTo(Channel.TELEGRAM);
        assertThat(event.connectionId()).isEqualTo(connectionId);
        assertThat(event.customer()).isEqualTo(new Handle(Handle.Kind.TELEGRAM, "5520134872", "Ada Lovelace"));
        assertThat(event.content().text()).isEqualTo("Hello, I need help with my subscription");
        assertThat(event.thread().inReplyTo()).isEqualTo("5520134872:1360");
        assertThat(event.language()).isEqualTo("en");
    }

    @Test
    void theSameUpdateDeliveredThreeTimesConcurrentlyIsStoredAndPublishedOnce() {
        String body = resource("message.json");

        List<HttpResponse<String>> responses = IntStream.range(0, 3)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> post(body, SECRET_TOKEN)))
                .toList()
                .stream()
                .map(CompletableFuture::join)
                .toList();

        assertThat(responses)
                .allSatisfy(response ->
                        assertThat(response.statusCode()).as(response.body()).isEqualTo(200));
        assertThat(storedFor("5520134872:1365")).isEqualTo(1);
        interactions.awaitCount(1);
        post(resource("photo.json"), SECRET_TOKEN);
        interactions.awaitCount(2);
        assertThat(interactions.payloads(InteractionReceived.class))
                .extracting(InteractionReceived::providerMessageId)
                .containsExactly("5520134872:1365", "5520134872:1366");
    }

    @Test
    void aWrongOrMissingSecretTokenIsRefusedAndStoresNothing() {
        double rejectedBefore = rejected();

        assertProblem(post(resource("message.json"), "telegram-secret_token-0123456788"), 401);
        assertProblem(post(resource("message.json"), null), 401);

        assertThat(storedFor("5520134872:1365")).isZero();
        assertThat(rejected()).isEqualTo(rejectedBefore + 2);
    }

    @Test
    void malformedUpdatesAreBadRequestsAndOtherUpdatesAreAcceptedWithoutAMessage() {
        long before = mongo.getCollection("inbound_messages").countDocuments();

        assertProblem(post("{not json", SECRET_TOKEN), 400);
        assertProblem(
                post("{\"update_id\": 5, \"message\": {\"message_id\": 9, \"text\": \"no chat\"}}", SECRET_TOKEN), 400);
        assertThat(post(resource("edited-message.json"), SECRET_TOKEN).statusCode())
                .isEqualTo(200);

        assertThat(mongo.getCollection("inbound_messages").countDocuments()).isEqualTo(before);
    }

    private HttpResponse<String> post(String body, String secretToken) {
        HttpRequest.Builder request = api.publicRequest("/webhooks/telegram/" + connectionId)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (secretToken != null) {
            request.header("X-Telegram-Bot-Api-Secret-Token", secretToken);
        }
        return api.sendPublic(request);
    }

    private static String resource(String name) {
        try (InputStream in = TelegramWebhookIT.class.getResourceAsStream("/webhooks/telegram/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private double rejected() {
        return meters.find("touchpoint.channel.webhooks.rejected").tag("channel", "telegram").counters().stream()
                .mapToDouble(counter -> counter.count())
                .sum();
    }

    private long storedFor(String providerMessageId) {
        return mongo.getCollection("inbound_messages")
                .countDocuments(
                        new Document("tenantId", api.tenantId()).append("providerMessageId", providerMessageId));
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }
}
