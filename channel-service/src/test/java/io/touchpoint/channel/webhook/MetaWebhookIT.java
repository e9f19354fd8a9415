package io.touchpoint.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import io.touchpoint.channel.application.outbound.DeliveryReceipt;
import io.touchpoint.channel.application.outbound.DeliveryReceipts;
import io.touchpoint.channel.domain.connection.ChannelConnection;
import io.touchpoint.channel.domain.outbound.DeliveryStatus;
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
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
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
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Meta's webhooks for WhatsApp, Messenger and Instagram end to end, with payloads in Meta's documented formats: the
 * subscription handshake, signed notifications in, one stored message and one contract-valid event per customer
 * message, statuses handed to delivery tracking.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class MetaWebhookIT {

    private static final String APP_SECRET = "meta-app-secret-0123456789abcdef";

    private static final String VERIFY_TOKEN = "meta-verify-token-abcdef";

    @LocalServerPort
    int port;

    @Value("${touchpoint.tenant-context.key}")
    String tenantContextKey;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    @Autowired
    RecordingDeliveryReceipts receipts;

    ChannelApi api;

    String whatsapp;

    String messenger;

    String instagram;

    EventCapture interactions;

    @BeforeEach
    void connections() {
        api = ChannelApi.forTenant(
                port, tenantContextKey, "tenant_" + UUID.randomUUID().toString().substring(0, 8));
        String secrets = "{\"appSecret\": \"%s\", \"verifyToken\": \"%s\"}".formatted(APP_SECRET, VERIFY_TOKEN);
        whatsapp = Connections.create(
                api,
                """
                {"kind": "whatsapp", "displayName": "WhatsApp", "settings": {"phoneNumberId": "106540352242922"},
                 "secrets": %s}"""
                        .formatted(secrets));
        messenger = Connections.create(
                api,
                """
                {"kind": "messenger", "displayName": "Page", "settings": {"pageId": "112233445566778"},
                 "secrets": %s}"""
                        .formatted(secrets));
        instagram = Connections.create(
                api, "{\"kind\": \"instagram\", \"displayName\": \"IG\", \"secrets\": %s}".formatted(secrets));
        interactions = EventCapture.bind(
                TestInfrastructure.virtualHostFor(getClass()).connectionFactory(), EventType.INTERACTION_RECEIVED);
    }

    @AfterEach
    void close() {
        interactions.close();
    }

    @Test
    void theSubscriptionHandshakeEchoesTheChallengeOnlyForTheConnectionsVerifyToken() {
        for (String path : List.of(
                "/webhooks/whatsapp/" + whatsapp,
                "/webhooks/messenger/" + messenger,
                "/webhooks/instagram/" + instagram)) {
            HttpResponse<String> accepted = handshake(path, "subscribe", VERIFY_TOKEN, "1158201444");
            assertThat(accepted.statusCode()).as(path).isEqualTo(200);
            assertThat(accepted.body()).isEqualTo("1158201444");
            assertThat(accepted.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));

            assertProblem(handshake(path, "subscribe", "guessed-token", "1158201444"), 403);
            assertProblem(handshake(path, "unsubscribe", VERIFY_TOKEN, "1158201444"), 403);
        }
        assertThat(handshake("/webhooks/messenger/" + whatsapp, "subscribe", VERIFY_TOKEN, "1")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aWhatsAppMessageIsStoredAndPublishedWithItsSenderAndTheMessageItAnswers() {
        byte[] body = resource("whatsapp/text-message.json");

        HttpResponse<String> response = post("/webhooks/whatsapp/" + whatsapp, body, sign(body));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(storedFor("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA="))
                .isEqualTo(1);
        interactions.awaitCount(1);
        InteractionReceived event =
                interactions.payloads(InteractionReceived.class).get(0);
        assertThat(event.connectionId()).isEqualTo(whatsapp);
        assertThat(event.channel()).isEqualTo(Channel.WHATSAPP);
        assertThat(event.customer()).isEqualTo(new Handle(Handle.Kind.PHONE, "+16505551234", "Sheena Nelson"));
        assertThat(event.content().text()).isEqualTo("Does it come in another color?");
        assertThat(event.thread().inReplyTo()).isEqualTo("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA");
    }

    @Test
    void everyCustomerMessageOfOnePostIsStoredAndPublishedOnItsOwn() {
        byte[] body = resource("whatsapp/several-messages.json");

        assertThat(post("/webhooks/whatsapp/" + whatsapp, body, sign(body)).statusCode())
                .isEqualTo(200);

        interactions.awaitCount(3);
        List<InteractionReceived> events = interactions.payloads(InteractionReceived.class);
        // Each message is its own document with its own event: the relay may publish them in any order.
        assertThat(events)
                .extracting(event -> event.content().text())
                .containsExactlyInAnyOrder("The box was damaged", "Invoice", "Refund please");
        assertThat(withText(events, "Invoice").customer().displayName()).isEqualTo("Pablo Morales");
        HttpResponse<String> image = api.get("/v1/channels/messages/"
                + withText(events, "The box was damaged").interactionId());
        assertThat(JsonPath.<String>read(image.body(), "$.content.attachments[0].contentType"))
                .isEqualTo("image/jpeg");
        assertThat(mongo.getCollection("inbound_messages")
                        .countDocuments(new Document("tenantId", api.tenantId()).append("connectionId", whatsapp)))
                .isEqualTo(3);
    }

    @Test
    void theSameWebhookDeliveredThreeTimesConcurrentlyIsStoredAndPublishedOnce() {
        byte[] body = resource("whatsapp/text-message.json");
        String signature = sign(body);

        List<HttpResponse<String>> responses = IntStream.range(0, 3)
                .mapToObj(i ->
                        CompletableFuture.supplyAsync(() -> post("/webhooks/whatsapp/" + whatsapp, body, signature)))
                .toList()
                .stream()
                .map(CompletableFuture::join)
                .toList();

        assertThat(responses)
                .allSatisfy(response ->
                        assertThat(response.statusCode()).as(response.body()).isEqualTo(200));
        assertThat(storedFor("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA="))
                .isEqualTo(1);
        interactions.awaitCount(1);
        byte[] next = resource("instagram/message.json");
        post("/webhooks/instagram/" + instagram, next, sign(next));
        interactions.awaitCount(2);
        assertThat(interactions.payloads(InteractionReceived.class))
                .extracting(InteractionReceived::channel)
                .containsExactly(Channel.WHATSAPP, Channel.INSTAGRAM);
    }

    @Test
    void messengerAndInstagramMessagesAreStoredAndThePagesOwnEchoesAreNot() {
        byte[] page = resource("messenger/message.json");
        byte[] ig = resource("instagram/message.json");

        assertThat(post("/webhooks/messenger/" + messenger, page, sign(page)).statusCode())
                .isEqualTo(200);
        assertThat(post("/webhooks/instagram/" + instagram, ig, sign(ig)).statusCode())
                .isEqualTo(200);

        interactions.awaitCount(2);
        List<InteractionReceived> events = interactions.payloads(InteractionReceived.class);
        assertThat(events)
                .extracting(InteractionReceived::customer)
                .containsExactlyInAnyOrder(
                        Handle.of(Handle.Kind.MESSENGER, "6782341923047561"),
                        Handle.of(Handle.Kind.INSTAGRAM, "1398475029384751"));
        InteractionReceived fromPage = withText(events, "Here is a photo of the damaged item");
        assertThat(fromPage.channel()).isEqualTo(Channel.MESSENGER);
        assertThat(fromPage.content().attachments()).hasSize(1);
        assertThat(fromPage.thread().inReplyTo()).startsWith("m_1fTq8oLumEyIp3Q2MR");
        assertThat(storedFor("m_echo7dHIyXfYnQ9t4T3PZx4yBqk0H8u_wm3K9pX0dBq0aX3kPVm1lYw7Nq1WzU5sRt"))
                .isZero();
    }

    @Test
    void statusNotificationsAreAcceptedAndHandedToDeliveryTracking() {
        byte[] statuses = resource("whatsapp/statuses.json");
        byte[] deliveries = resource("messenger/delivery-and-read.json");

        assertThat(post("/webhooks/whatsapp/" + whatsapp, statuses, sign(statuses))
                        .statusCode())
                .isEqualTo(200);
        assertThat(post("/webhooks/messenger/" + messenger, deliveries, sign(deliveries))
                        .statusCode())
                .isEqualTo(200);

        assertThat(receipts.of(whatsapp))
                .extracting(DeliveryReceipt::status)
                .containsExactly(
                        DeliveryStatus.SENT, DeliveryStatus.DELIVERED, DeliveryStatus.READ, DeliveryStatus.FAILED);
        assertThat(receipts.of(whatsapp).get(3).providerErrorCode()).isEqualTo("131047");
        assertThat(receipts.of(whatsapp).get(1).at()).isEqualTo(Instant.ofEpochSecond(1750263773));
        assertThat(receipts.of(messenger))
                .extracting(DeliveryReceipt::providerMessageId, DeliveryReceipt::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "m_1fTq8oLumEyIp3Q2MR-aY7IfLZDamVrALniheU_Qz2wN-WBB7zkkmZCoX8i5NrBfqDpmMqwJZnxWqSe3xqKz3Yg",
                        DeliveryStatus.DELIVERED));
        assertThat(mongo.getCollection("inbound_messages").countDocuments(new Document("tenantId", api.tenantId())))
                .isZero();
    }

    @Test
    void forgedSignaturesAreRefusedAndStoreNothing() {
        byte[] body = resource("whatsapp/text-message.json");
        byte[] tampered = new String(body, StandardCharsets.UTF_8)
                .replace("another color", "a refund")
                .getBytes(StandardCharsets.UTF_8);
        String path = "/webhooks/whatsapp/" + whatsapp;
        double rejectedBefore = rejected("whatsapp");

        assertProblem(post(path, tampered, sign(body)), 401);
        assertProblem(post(path, body, "sha256=" + hmacHex("not-the-app-secret", body)), 401);
        assertProblem(post(path, body, sign(body).replace("sha256=", "sha1=")), 401);
        assertProblem(post(path, body, null), 401);

        assertThat(storedFor("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA="))
                .isZero();
        assertThat(rejected("whatsapp")).isEqualTo(rejectedBefore + 4);
        byte[] page = resource("messenger/message.json");
        assertProblem(post("/webhooks/messenger/" + messenger, page, "sha256=" + "0".repeat(64)), 401);
    }

    @Test
    void malformedNotificationsAreBadRequestsAndStoreNothing() {
        String text = new String(resource("whatsapp/text-message.json"), StandardCharsets.UTF_8);
        long before = mongo.getCollection("inbound_messages").countDocuments();

        for (String body : List.of(
                "{not json",
                text.replace("\"object\": \"whatsapp_business_account\"", "\"object\": \"page\""),
                text.replace("\"from\": \"16505551234\"", "\"from\": \"sheena\""))) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            assertProblem(post("/webhooks/whatsapp/" + whatsapp, bytes, sign(bytes)), 400);
        }
        byte[] noSender = new String(resource("instagram/message.json"), StandardCharsets.UTF_8)
                .replace("\"id\": \"1398475029384751\"", "\"name\": \"someone\"")
                .getBytes(StandardCharsets.UTF_8);
        assertProblem(post("/webhooks/instagram/" + instagram, noSender, sign(noSender)), 400);

        assertThat(mongo.getCollection("inbound_messages").countDocuments()).isEqualTo(before);
    }

    private static InteractionReceived withText(List<InteractionReceived> events, String text) {
        return events.stream()
                .filter(event -> event.content().text().equals(text))
                .findFirst()
                .orElseThrow();
    }

    private HttpResponse<String> handshake(String path, String mode, String token, String challenge) {
        return api.sendPublic(api.publicRequest(
                        path + "?hub.mode=" + mode + "&hub.verify_token=" + token + "&hub.challenge=" + challenge)
                .GET());
    }

    private HttpResponse<String> post(String path, byte[] body, String signature) {
        HttpRequest.Builder request = api.publicRequest(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return api.sendPublic(request);
    }

    private static String sign(byte[] body) {
        return "sha256=" + hmacHex(APP_SECRET, body);
    }

    private static String hmacHex(String key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = MetaWebhookIT.class.getResourceAsStream("/webhooks/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private double rejected(String channel) {
        return meters.find("touchpoint.channel.webhooks.rejected").tag("channel", channel).counters().stream()
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

    /**
     * Delivery tracking as this test sees it: what the webhook handed over, per connection. It stands in for outbound
     * delivery's implementation so that the hand-over itself is what is asserted.
     */
    static class RecordingDeliveryReceipts implements DeliveryReceipts {

        private final List<Recorded> recorded = new CopyOnWriteArrayList<>();

        @Override
        public void record(ChannelConnection connection, DeliveryReceipt receipt) {
            recorded.add(new Recorded(connection.id(), receipt));
        }

        List<DeliveryReceipt> of(String connectionId) {
            return recorded.stream()
                    .filter(entry -> entry.connectionId().equals(connectionId))
                    .map(Recorded::receipt)
                    .toList();
        }

        record Recorded(String connectionId, DeliveryReceipt receipt) {}
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class DeliveryTracking {

        @Bean
        @Primary
        RecordingDeliveryReceipts recordingDeliveryReceipts() {
            return new RecordingDeliveryReceipts();
        }
    }
}
