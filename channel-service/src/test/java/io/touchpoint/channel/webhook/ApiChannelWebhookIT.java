package io.touchpoint.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
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
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The generic API channel end to end: signed JSON in, one stored message and one contract-valid event out. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class ApiChannelWebhookIT {

    private static final String SIGNING_KEY = "api-channel-signing-key-0123456789";

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
                {"kind": "api", "displayName": "Mobile app", "secrets": {"signingKey": "%s"}}"""
                        .formatted(SIGNING_KEY));
        interactions = EventCapture.bind(
                TestInfrastructure.virtualHostFor(getClass()).connectionFactory(), EventType.INTERACTION_RECEIVED);
    }

    @AfterEach
    void close() {
        interactions.close();
    }

    @Test
    void signedMessageIsStoredOnceAndPublishedAsInteractionReceived() {
        String body = message("app-msg-1", "My order has not arrived");

        HttpResponse<String> response = post(body, sign(body, Instant.now()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String id = JsonPath.read(response.body(), "$.id");
        assertThat(id).startsWith("msg_");
        interactions.awaitCount(1);
        InteractionReceived event =
                interactions.payloads(InteractionReceived.class).get(0);
        assertThat(event.interactionId()).isEqualTo(id);
        assertThat(event.connectionId()).isEqualTo(connectionId);
        assertThat(event.channel()).isEqualTo(Channel.API);
        assertThat(event.providerMessageId()).isEqualTo("app-msg-1");
        assertThat(event.customer()).isEqualTo(new Handle(Handle.Kind.EXTERNAL, "user-42", "Ada"));
        assertThat(event.thread().conversationId()).isEqualTo("cnv_existing");
        assertThat(event.content().text()).isEqualTo("My order has not arrived");
        assertThat(EventCapture.header(
                        interactions.deliveries().get(0).getProperties().getHeaders(), "cloudEvents_tenantid"))
                .isEqualTo(api.tenantId());

        HttpResponse<String> read = api.get("/v1/channels/messages/" + id);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(read.body(), "$.content.text")).isEqualTo("My order has not arrived");
        assertThat(ChannelApi.forTenant(port, tenantContextKey, "tenant_other")
                        .get("/v1/channels/messages/" + id)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void theSameMessageDeliveredThreeTimesConcurrentlyIsStoredAndPublishedOnce() {
        String body = message("app-msg-dup", "Hello?");
        String signature = sign(body, Instant.now());

        List<HttpResponse<String>> responses =
                IntStream.range(0, 3)
                        .mapToObj(i -> CompletableFuture.supplyAsync(() -> post(body, signature)))
                        .toList()
                        .stream()
                        .map(CompletableFuture::join)
                        .toList();

        assertThat(responses)
                .allSatisfy(response -> assertThat(response.statusCode()).isIn(200, 201));
        assertThat(responses)
                .as("one delivery stored it, the others were told it is a duplicate")
                .filteredOn(response -> response.statusCode() == 201)
                .hasSize(1);
        assertThat(responses.stream()
                        .map(r -> JsonPath.<String>read(r.body(), "$.id"))
                        .distinct())
                .hasSize(1);
        assertThat(storedFor("app-msg-dup")).isEqualTo(1);
        interactions.awaitCount(1);
        // The relay publishes right after the insert; a second event would follow within milliseconds.
        post(message("app-msg-after", "later"), sign(message("app-msg-after", "later"), Instant.now()));
        interactions.awaitCount(2);
        assertThat(interactions.payloads(InteractionReceived.class))
                .extracting(InteractionReceived::providerMessageId)
                .containsExactly("app-msg-dup", "app-msg-after");
    }

    @Test
    void forgedOrReplayedSignaturesAreRefusedAndStoreNothing() {
        String body = message("app-msg-forged", "Give me a refund");
        double rejectedBefore = rejected();

        assertProblem(post(body, sign(body.replace("refund", "million"), Instant.now())), 401);
        assertProblem(post(body, "t=" + Instant.now().getEpochSecond() + ",v1=" + "0".repeat(64)), 401);
        assertProblem(post(body, sign(body, Instant.now().minusSeconds(3600))), 401);
        assertProblem(post(body, null), 401);

        assertThat(storedFor("app-msg-forged")).isZero();
        assertThat(rejected()).isEqualTo(rejectedBefore + 4);
    }

    @Test
    void malformedPayloadsAreBadRequestsAndStoreNothing() {
        long before = mongo.getCollection("inbound_messages").countDocuments();

        for (String body : List.of(
                "{not json",
                "{\"messageId\": \"m\", \"text\": \"no customer\"}",
                "{\"messageId\": \"m\", \"customer\": {\"kind\": \"external\", \"value\": \"u\"}, \"text\": \"x\","
                        + " \"surprise\": 1}",
                "{\"messageId\": \"\", \"customer\": {\"kind\": \"external\", \"value\": \"u\"}, \"text\": \"x\"}")) {
            assertProblem(post(body, sign(body, Instant.now())), 400);
        }

        assertThat(mongo.getCollection("inbound_messages").countDocuments()).isEqualTo(before);
    }

    @Test
    void unknownOrDisabledConnectionsAreNotFound() {
        String body = message("app-msg-x", "hi");
        assertThat(post("con_00000000000000000000000000", body, sign(body, Instant.now()))
                        .statusCode())
                .isEqualTo(404);

        api.patchJson("/v1/channels/connections/" + connectionId, "{\"status\": \"disabled\"}", java.util.Map.of());

        org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(
                        post(body, sign(body, Instant.now())).statusCode())
                .isEqualTo(404));
        assertThat(storedFor("app-msg-x")).isZero();
    }

    private double rejected() {
        return meters.find("touchpoint.channel.webhooks.rejected").tag("channel", "api").counters().stream()
                .mapToDouble(counter -> counter.count())
                .sum();
    }

    private long storedFor(String providerMessageId) {
        return mongo.getCollection("inbound_messages")
                .countDocuments(
                        new Document("tenantId", api.tenantId()).append("providerMessageId", providerMessageId));
    }

    private static String message(String messageId, String text) {
        return """
                {"messageId": "%s", "customer": {"kind": "external", "value": "user-42", "displayName": "Ada"},
                 "text": "%s", "conversationId": "cnv_existing", "language": "en"}"""
                .formatted(messageId, text);
    }

    private HttpResponse<String> post(String body, String signature) {
        return post(connectionId, body, signature);
    }

    private HttpResponse<String> post(String connection, String body, String signature) {
        HttpRequest.Builder request = api.publicRequest("/webhooks/api/" + connection)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("Touchpoint-Signature", signature);
        }
        return api.sendPublic(request);
    }

    private static String sign(String body, Instant at) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SIGNING_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            long t = at.getEpochSecond();
            byte[] digest = mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8));
            return "t=" + t + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }
}
