package io.touchpoint.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import io.touchpoint.channel.application.inbound.OptOuts;
import io.touchpoint.channel.support.ChannelApi;
import io.touchpoint.channel.support.Connections;
import io.touchpoint.events.Attachment;
import io.touchpoint.events.Channel;
import io.touchpoint.events.EventType;
import io.touchpoint.events.Handle;
import io.touchpoint.events.interaction.InteractionReceived;
import io.touchpoint.test.events.EventCapture;
import io.touchpoint.test.infrastructure.RealInfrastructure;
import io.touchpoint.test.infrastructure.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Inbound SMS in Twilio's webhook format end to end: signed form in, empty TwiML out, one message, one event. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class SmsWebhookIT {

    private static final String AUTH_TOKEN = "twilio-auth-token-0123456789abcdef";

    private static final String CUSTOMER = "+14155551234";

    @LocalServerPort
    int port;

    @Value("${touchpoint.tenant-context.key}")
    String tenantContextKey;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    @Autowired
    OptOuts optOuts;

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
                {"kind": "sms", "displayName": "Support line", "settings": {"phoneNumber": "+14155550100"},
                 "secrets": {"authToken": "%s"}}"""
                        .formatted(AUTH_TOKEN));
        interactions = EventCapture.bind(
                TestInfrastructure.virtualHostFor(getClass()).connectionFactory(), EventType.INTERACTION_RECEIVED);
    }

    @AfterEach
    void close() {
        interactions.close();
    }

    @Test
    void inboundSmsIsStoredAndPublishedThenAnsweredWithEmptyTwiml() {
        TwilioWebhook sms = TwilioWebhook.recorded("inbound-sms.txt");

        HttpResponse<String> response = post(sms, sms.signature(AUTH_TOKEN, ownUrl()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/xml"));
        assertThat(response.body()).endsWith("<Response/>");
        assertThat(storedFor(sms.param("MessageSid"))).isEqualTo(1);
        interactions.awaitCount(1);
        InteractionReceived event =
                interactions.payloads(InteractionReceived.class).get(0);
        assertThat(event.connectionId()).isEqualTo(connectionId);
        assertThat(event.channel()).isEqualTo(Channel.SMS);
        assertThat(event.providerMessageId()).isEqualTo("SM1f0e8ae6ade43cb3c0ce4525424e404f");
        assertThat(event.customer()).isEqualTo(Handle.of(Handle.Kind.PHONE, CUSTOMER));
        assertThat(event.content().text()).isEqualTo("Hi! My order #42 hasn't arrived – can you check?");
        assertThat(EventCapture.header(
                        interactions.deliveries().get(0).getProperties().getHeaders(), "cloudEvents_tenantid"))
                .isEqualTo(api.tenantId());

        HttpResponse<String> read = api.get("/v1/channels/messages/" + event.interactionId());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(read.body(), "$.metadata.to")).isEqualTo("+14155550100");
    }

    @Test
    void mmsMediaArriveAsAttachmentsOfTheEvent() {
        TwilioWebhook mms = TwilioWebhook.recorded("inbound-mms.txt");

        assertThat(post(mms, mms.signature(AUTH_TOKEN, ownUrl())).statusCode()).isEqualTo(200);

        interactions.awaitCount(1);
        assertThat(interactions
                        .payloads(InteractionReceived.class)
                        .get(0)
                        .content()
                        .attachments())
                .containsExactly(new Attachment(
                        "ME27be8a708784242c0daee207ff73db67", "image/jpeg", 0, URI.create(mms.param("MediaUrl0"))));
    }

    @Test
    void theSameWebhookDeliveredThreeTimesConcurrentlyIsStoredAndPublishedOnce() {
        TwilioWebhook sms = TwilioWebhook.recorded("inbound-sms.txt").withSid("SM00000000000000000000000000000d0b");
        String signature = sms.signature(AUTH_TOKEN, ownUrl());

        List<HttpResponse<String>> responses =
                IntStream.range(0, 3)
                        .mapToObj(i -> CompletableFuture.supplyAsync(() -> post(sms, signature)))
                        .toList()
                        .stream()
                        .map(CompletableFuture::join)
                        .toList();

        assertThat(responses)
                .allSatisfy(response ->
                        assertThat(response.statusCode()).as(response.body()).isEqualTo(200));
        assertThat(storedFor(sms.param("MessageSid"))).isEqualTo(1);
        interactions.awaitCount(1);
        // The relay publishes right after the insert; a second event would come before the next message's.
        TwilioWebhook next = sms.withSid("SM00000000000000000000000000000e0c");
        post(next, next.signature(AUTH_TOKEN, ownUrl()));
        interactions.awaitCount(2);
        assertThat(interactions.payloads(InteractionReceived.class))
                .extracting(InteractionReceived::providerMessageId)
                .containsExactly("SM00000000000000000000000000000d0b", "SM00000000000000000000000000000e0c");
    }

    @Test
    void theSignatureIsCheckedAgainstThePublicUrlTwilioCalled() {
        TwilioWebhook sms = TwilioWebhook.recorded("inbound-sms.txt").withSid("SM000000000000000000000000000f0a01");
        String publicUrl = "https://api.acme.example/webhooks/sms/" + connectionId;
        String signature = sms.signature(AUTH_TOKEN, publicUrl);

        assertProblem(post(sms, signature), 401);
        HttpResponse<String> forwarded = api.sendPublic(request(ownUrl(), sms, signature)
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "api.acme.example")
                .header("X-Forwarded-Port", "443"));
        assertThat(forwarded.statusCode()).as(forwarded.body()).isEqualTo(200);

        // A connection that knows its URL, with a query string, is verified against exactly that URL.
        String configured = "https://hooks.acme.example/webhooks/sms/" + connectionId + "?source=twilio";
        api.patchJson(
                "/v1/channels/connections/" + connectionId,
                "{\"settings\": {\"webhookUrl\": \"%s\"}}".formatted(configured),
                Map.of());
        TwilioWebhook next = sms.withSid("SM000000000000000000000000000f0a02");
        Awaitility.await().untilAsserted(() -> assertThat(api.sendPublic(
                                request(ownUrl() + "?source=twilio", next, next.signature(AUTH_TOKEN, configured)))
                        .statusCode())
                .isEqualTo(200));
        assertThat(storedFor("SM000000000000000000000000000f0a02")).isEqualTo(1);
    }

    @Test
    void forgedSignaturesAreRefusedAndStoreNothing() {
        TwilioWebhook sms = TwilioWebhook.recorded("inbound-sms.txt").withSid("SM0000000000000000000000000000f0f0");
        double rejectedBefore = rejected();

        assertProblem(post(sms, sms.signature("not-the-auth-token", ownUrl())), 401);
        assertProblem(post(sms.with("Body", "Send me a refund"), sms.signature(AUTH_TOKEN, ownUrl())), 401);
        assertProblem(post(sms, "bm90IGEgc2lnbmF0dXJl"), 401);
        assertProblem(post(sms, null), 401);

        assertThat(storedFor("SM0000000000000000000000000000f0f0")).isZero();
        assertThat(rejected()).isEqualTo(rejectedBefore + 4);
    }

    @Test
    void malformedMessagesAreBadRequestsAndStoreNothing() {
        long before = mongo.getCollection("inbound_messages").countDocuments();

        for (TwilioWebhook sms : List.of(
                TwilioWebhook.recorded("inbound-sms.txt").with("From", "4155551234"),
                TwilioWebhook.recorded("inbound-sms.txt").with("From", "+1 (415) 555-1234"),
                TwilioWebhook.recorded("inbound-sms.txt").with("MessageSid", null),
                TwilioWebhook.recorded("inbound-sms.txt").with("NumMedia", "1"))) {
            assertProblem(post(sms, sms.signature(AUTH_TOKEN, ownUrl())), 400);
        }

        assertThat(mongo.getCollection("inbound_messages").countDocuments()).isEqualTo(before);
    }

    @Test
    void stopOptsTheSenderOutAndStartOptsThemBackInAndBothAreStillMessages() {
        TwilioWebhook stop = TwilioWebhook.recorded("inbound-sms.txt")
                .withSid("SM00000000000000000000000000005709")
                .with("Body", "Stop");
        TwilioWebhook start = TwilioWebhook.recorded("inbound-sms.txt")
                .withSid("SM00000000000000000000000000005a27")
                .with("Body", "START");
        assertThat(optOuts.isOptedOut(api.tenantId(), Channel.SMS, CUSTOMER)).isFalse();

        assertThat(post(stop, stop.signature(AUTH_TOKEN, ownUrl())).statusCode())
                .isEqualTo(200);
        assertThat(optOuts.isOptedOut(api.tenantId(), Channel.SMS, CUSTOMER)).isTrue();
        assertThat(optOuts.isOptedOut(api.tenantId(), Channel.SMS, "+14155559999"))
                .isFalse();
        assertThat(optOuts.isOptedOut("tenant_other", Channel.SMS, CUSTOMER)).isFalse();

        assertThat(post(start, start.signature(AUTH_TOKEN, ownUrl())).statusCode())
                .isEqualTo(200);
        assertThat(optOuts.isOptedOut(api.tenantId(), Channel.SMS, CUSTOMER)).isFalse();

        // Twilio retrying the older STOP must not undo the newer START.
        assertThat(post(stop, stop.signature(AUTH_TOKEN, ownUrl())).statusCode())
                .isEqualTo(200);
        assertThat(optOuts.isOptedOut(api.tenantId(), Channel.SMS, CUSTOMER)).isFalse();

        interactions.awaitCount(2);
        assertThat(interactions.payloads(InteractionReceived.class))
                .extracting(event -> event.content().text())
                .containsExactlyInAnyOrder("Stop", "START");
    }

    private String ownUrl() {
        return api.baseUrl() + "/webhooks/sms/" + connectionId;
    }

    private HttpResponse<String> post(TwilioWebhook sms, String signature) {
        return api.sendPublic(request(ownUrl(), sms, signature));
    }

    private static HttpRequest.Builder request(String url, TwilioWebhook sms, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(java.time.Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(sms.body()));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        return request;
    }

    private double rejected() {
        return meters.find("touchpoint.channel.webhooks.rejected").tag("channel", "sms").counters().stream()
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
