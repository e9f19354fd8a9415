package io.touchpoint.channel.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.touchpoint.channel.application.connection.ConnectionStore;
import io.touchpoint.channel.application.inbound.InboundIngestion;
import io.touchpoint.channel.application.inbound.OptOutStore;
import io.touchpoint.channel.application.outbound.ChannelLanes;
import io.touchpoint.channel.application.outbound.DeliveryReceipt;
import io.touchpoint.channel.application.outbound.DeliveryReceipts;
import io.touchpoint.channel.application.outbound.OutboundMessageStore;
import io.touchpoint.channel.application.outbound.OutboundMessageStore.Claim;
import io.touchpoint.channel.domain.connection.ChannelConnection;
import io.touchpoint.channel.domain.inbound.InboundMessage;
import io.touchpoint.channel.domain.outbound.DeliveryStatus;
import io.touchpoint.channel.domain.outbound.OutboundDelivery;
import io.touchpoint.channel.domain.outbound.OutboundMessage;
import io.touchpoint.channel.domain.outbound.OutboundMessage.Origin;
import io.touchpoint.channel.support.ChannelApi;
import io.touchpoint.channel.support.Connections;
import io.touchpoint.channel.support.ProviderStub;
import io.touchpoint.channel.support.ProviderStub.Reply;
import io.touchpoint.events.Actor;
import io.touchpoint.events.Channel;
import io.touchpoint.events.EventPayload;
import io.touchpoint.events.EventType;
import io.touchpoint.events.Handle;
import io.touchpoint.events.MessageContent;
import io.touchpoint.events.message.MessageDelivered;
import io.touchpoint.events.message.MessageFailed;
import io.touchpoint.events.reply.ReplyRequested;
import io.touchpoint.events.survey.SurveyKind;
import io.touchpoint.events.survey.SurveyRequested;
import io.touchpoint.starter.cloudevents.CloudEvent;
import io.touchpoint.starter.cloudevents.CloudEventPublisher;
import io.touchpoint.test.events.EventCapture;
import io.touchpoint.test.infrastructure.RealInfrastructure;
import io.touchpoint.test.infrastructure.TestInfrastructure;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outbound delivery end to end: {@code reply.requested} and {@code survey.requested} CloudEvents published to the real
 * broker, providers' HTTP APIs served by a local {@link ProviderStub}, {@code message.delivered}/{@code message.failed}
 * captured from the broker and checked against the contract. Backoffs, timeouts and the breaker's open time are
 * shortened so that outages and recoveries play out in seconds. Messages get the most attempts allowed, so that the
 * breaker's trial sends, every second while a provider is down, do not fail them for good (after some 20 s with the
 * usual 8) before a slow machine is through the outage test's steps.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "touchpoint.channel.delivery.sweep-interval=100ms",
            "touchpoint.channel.delivery.initial-backoff=50ms",
            "touchpoint.channel.delivery.max-backoff=200ms",
            "touchpoint.channel.delivery.max-attempts=50",
            "touchpoint.channel.delivery.connect-timeout=500ms",
            "touchpoint.channel.delivery.read-timeout=500ms",
            "touchpoint.channel.delivery.channels.open-duration=1s"
        })
@RealInfrastructure
class OutboundDeliveryIT {

    private static final String AUTH_TOKEN = "twilio-auth-token-0123456789";

    private static final JsonMapper json = JsonMapper.builder().build();

    private static ProviderStub provider;

    @LocalServerPort
    int port;

    @Value("${touchpoint.tenant-context.key}")
    String tenantContextKey;

    @Autowired
    CloudEventPublisher publisher;

    @Autowired
    ChannelLanes lanes;

    @Autowired
    ConnectionStore connections;

    @Autowired
    OptOutStore optOuts;

    @Autowired
    InboundIngestion ingestion;

    @Autowired
    DeliveryReceipts receipts;

    @Autowired
    MeterRegistry meters;

    @Autowired
    OutboundMessageStore store;

    ChannelApi api;

    /** Prefixes every provider path of this test, so that its requests are told apart from other tests'. */
    String base;

    EventCapture delivered;

    EventCapture failed;

    @BeforeAll
    static void startProvider() {
        provider = ProviderStub.start();
    }

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    @BeforeEach
    void setUp() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        api = ChannelApi.forTenant(port, tenantContextKey, "tenant_" + run);
        base = "/t" + run;
        var broker = TestInfrastructure.virtualHostFor(getClass()).connectionFactory();
        delivered = EventCapture.bind(broker, EventType.MESSAGE_DELIVERED);
        failed = EventCapture.bind(broker, EventType.MESSAGE_FAILED);
        // Each test starts with closed breakers, whatever the previous one left.
        Arrays.stream(Channel.values())
                .forEach(channel -> lanes.lane(channel).breaker().reset());
    }

    @AfterEach
    void tearDown() {
        delivered.close();
        failed.close();
    }

    @Test
    void aReplyIsSentOnceAndItsStatusCallbackDeliversIt() {
        String connectionId = smsConnection("AC" + base.substring(2));
        String statusUrl = api.baseUrl() + "/webhooks/sms/" + connectionId + "/status";
        api.patchJson(
                "/v1/channels/connections/" + connectionId,
                "{\"settings\": "
                        + smsSettings("AC" + base.substring(2), "\"statusCallbackUrl\": \"" + statusUrl + "\"") + "}",
                Map.of());
        provider.on(base + "/2010-04-01/", request -> Reply.json(201, "{\"sid\": \"SM" + provider.nextId() + "\"}"));
        ReplyRequested reply = reply(connectionId, Channel.SMS, phone("+15550001111"), "Your order shipped.", null);
        CloudEvent event = CloudEvent.of(api.tenantId(), reply);

        publisher.publish(event);

        JsonNode sent = awaitState(reply.replyId(), "sent");
        List<ProviderStub.Request> requests = provider.requests(base);
        assertThat(requests).hasSize(1);
        ProviderStub.Request request = requests.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo(base + "/2010-04-01/Accounts/AC" + base.substring(2) + "/Messages.json");
        assertThat(request.header("Authorization"))
                .isEqualTo("Basic "
                        + Base64.getEncoder()
                                .encodeToString(("AC" + base.substring(2) + ":" + AUTH_TOKEN)
                                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(form(request.body()))
                .containsEntry("To", "+15550001111")
                .containsEntry("From", "+15550009999")
                .containsEntry("Body", "Your order shipped.")
                .containsEntry("StatusCallback", statusUrl);
        assertThat(sent.path("providerMessageId").asString()).startsWith("SM");
        assertThat(sent.path("id").asString()).startsWith("msg_");

        // The broker redelivers the request, and ticket-service publishes it again under a new event id.
        double duplicatesBefore = requestCount("duplicate");
        publisher.publish(event);
        publisher.publish(CloudEvent.of(api.tenantId(), reply));
        await().until(() -> requestCount("duplicate") >= duplicatesBefore + 2);
        assertThat(provider.requests(base)).hasSize(1);

        String sid = sent.path("providerMessageId").asString();
        assertThat(statusCallback(connectionId, statusUrl, sid, "delivered").statusCode())
                .isEqualTo(204);
        List<MessageDelivered> events = awaitEvents(delivered, MessageDelivered.class, reply.replyId(), 1);
        MessageDelivered deliveredEvent = events.get(0);
        assertThat(deliveredEvent.messageId()).isEqualTo(sent.path("id").asString());
        assertThat(deliveredEvent.providerMessageId()).isEqualTo(sid);
        assertThat(deliveredEvent.ticketId()).isEqualTo(reply.ticketId());
        assertThat(deliveredEvent.recipient()).isEqualTo(phone("+15550001111"));
        JsonNode message = awaitState(reply.replyId(), "delivered");
        assertThat(states(message)).containsExactly("queued", "sent", "delivered");

        // A repeated or late status changes nothing; a forged one is refused.
        assertThat(statusCallback(connectionId, statusUrl, sid, "delivered").statusCode())
                .isEqualTo(204);
        assertThat(statusCallback(connectionId, statusUrl, sid, "sent").statusCode())
                .isEqualTo(204);
        assertThat(states(read(sent.path("id").asString()))).containsExactly("queued", "sent", "delivered");
        assertThat(api.sendPublic(api.publicRequest("/webhooks/sms/" + connectionId + "/status")
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("X-Twilio-Signature", "forged")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "MessageSid=" + sid + "&MessageStatus=failed")))
                        .statusCode())
                .isEqualTo(401);
        assertThat(events(delivered, MessageDelivered.class, reply.replyId())).hasSize(1);

        assertThat(read(sent.path("id").asString()).path("state").asString()).isEqualTo("delivered");
        assertThat(ChannelApi.forTenant(port, tenantContextKey, "tenant_other")
                        .get("/v1/channels/messages/" + sent.path("id").asString())
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aProviderOutageOpensOnlyItsOwnBreakerAndItsMessagesAreSentOnceItRecovers() {
        String smsConnection = smsConnection("ACdown" + base.substring(2));
        String telegramConnection = Connections.create(
                api,
                """
                {"kind": "telegram", "displayName": "Bot", "settings": {"apiBaseUrl": "%s"},
                 "secrets": {"botToken": "123:bot-token"}}"""
                        .formatted(provider.baseUrl() + base));
        AtomicReference<Function<ProviderStub.Request, Reply>> twilio = new AtomicReference<>(
                request -> Reply.json(500, "{\"code\": 20500, \"message\": \"Internal Server Error\"}"));
        provider.on(base + "/2010-04-01/", request -> twilio.get().apply(request));
        provider.on(
                base + "/bot123:bot-token/sendMessage",
                request -> Reply.json(200, "{\"ok\": true, \"result\": {\"message_id\": " + provider.nextId() + "}}"));
        List<ReplyRequested> smsReplies = IntStream.range(0, 6)
                .mapToObj(i -> reply(smsConnection, Channel.SMS, phone("+1555000200" + i), "Update " + i, null))
                .toList();

        smsReplies.forEach(this::publish);

        CircuitBreaker breaker = lanes.lane(Channel.SMS).breaker();
        // Read together, in one of its open spells: every second the breaker half-opens for trial sends.
        await().untilAsserted(() -> {
            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
            assertThat(meters.find("resilience4j.circuitbreaker.state")
                            .tag("name", "outbound-sms")
                            .tag("state", "open")
                            .gauge()
                            .value())
                    .isEqualTo(1.0);
        });
        assertThat(lanes.lane(Channel.TELEGRAM).breaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);

        ReplyRequested telegramReply =
                reply(telegramConnection, Channel.TELEGRAM, telegram("4242"), "Still here.", "4242:17");
        publish(telegramReply);
        List<MessageDelivered> telegramDelivered =
                awaitEvents(delivered, MessageDelivered.class, telegramReply.replyId(), 1);
        assertThat(telegramDelivered.get(0).channel()).isEqualTo(Channel.TELEGRAM);
        JsonNode telegramRequest =
                body(provider.requests(base + "/bot123:bot-token/").get(0));
        assertThat(telegramRequest.path("chat_id").asString()).isEqualTo("4242");
        assertThat(telegramRequest.path("text").asString()).isEqualTo("Still here.");
        assertThat(telegramRequest.path("reply_to_message_id").asLong()).isEqualTo(17);
        assertThat(read(telegramReply).path("providerMessageId").asString()).startsWith("4242:");
        assertThat(smsReplies)
                .allSatisfy(reply ->
                        assertThat(read(reply).path("state").asString()).isIn("queued", "retrying"));
        JsonNode retried = smsReplies.stream()
                .map(this::read)
                .filter(message -> message.path("attempts").asInt() > 0)
                .findFirst()
                .orElseThrow();
        JsonNode retry = retried.path("history").path(1);
        assertThat(retry.path("state").asString()).isEqualTo("retrying");
        assertThat(retry.path("errorCode").asString()).isEqualTo("provider_unavailable");
        assertThat(retry.path("providerErrorCode").asString()).isEqualTo("20500");

        twilio.set(request -> Reply.json(201, "{\"sid\": \"SM" + provider.nextId() + "\"}"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(smsReplies)
                .allSatisfy(reply ->
                        assertThat(read(reply).path("state").asString()).isEqualTo("sent")));
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(smsReplies.stream()
                        .map(reply -> read(reply).path("providerMessageId").asString())
                        .distinct())
                .hasSize(smsReplies.size());
        assertThat(failed.deliveries()).isEmpty();

        JsonNode recovered = read(smsReplies.get(0));
        String statusUrl = api.baseUrl() + "/webhooks/sms/" + smsConnection + "/status";
        assertThat(statusCallback(
                                smsConnection,
                                statusUrl,
                                recovered.path("providerMessageId").asString(),
                                "delivered")
                        .statusCode())
                .isEqualTo(204);
        assertThat(awaitEvents(
                        delivered, MessageDelivered.class, smsReplies.get(0).replyId(), 1))
                .singleElement()
                .satisfies(event -> assertThat(event.channel()).isEqualTo(Channel.SMS));
    }

    @Test
    void aProviderThatDoesNotAnswerInTimeIsRetried() {
        String connectionId = Connections.create(
                api,
                """
                {"kind": "messenger", "displayName": "Page", "settings": {"apiBaseUrl": "%s"},
                 "secrets": {"accessToken": "page-token"}}"""
                        .formatted(provider.baseUrl() + base));
        provider.on(base + "/v21.0/me/messages", request -> {
            Reply ok =
                    Reply.json(200, "{\"recipient_id\": \"psid-1\", \"message_id\": \"m_" + provider.nextId() + "\"}");
            return provider.requests(base).size() == 1 ? ok.after(Duration.ofMillis(1500)) : ok;
        });
        ReplyRequested reply = reply(
                connectionId, Channel.MESSENGER, new Handle(Handle.Kind.MESSENGER, "psid-1", null), "Hello!", null);

        publish(reply);

        JsonNode sent = awaitState(reply.replyId(), "sent");
        assertThat(sent.path("attempts").asInt()).isEqualTo(2);
        assertThat(sent.path("history").path(1).path("errorCode").asString()).isEqualTo("provider_timeout");
        ProviderStub.Request last = provider.requests(base).get(1);
        assertThat(last.header("Authorization")).isEqualTo("Bearer page-token");
        JsonNode body = body(last);
        assertThat(body.path("recipient").path("id").asString()).isEqualTo("psid-1");
        assertThat(body.path("messaging_type").asString()).isEqualTo("RESPONSE");
        assertThat(body.path("message").path("text").asString()).isEqualTo("Hello!");
    }

    @Test
    void aPermanentRefusalFailsTheMessageOnceWithoutRetrying() {
        String connectionId = smsConnection("ACbad" + base.substring(2));
        provider.on(
                base + "/2010-04-01/",
                request -> Reply.json(400, "{\"code\": 21211, \"message\": \"The 'To' number is not valid.\"}"));
        ReplyRequested reply = reply(connectionId, Channel.SMS, phone("+15550003333"), "Hi", null);

        publish(reply);

        MessageFailed event =
                awaitEvents(failed, MessageFailed.class, reply.replyId(), 1).get(0);
        assertThat(event.errorCode()).isEqualTo("invalid_recipient");
        assertThat(event.providerErrorCode()).isEqualTo("21211");
        assertThat(event.attempts()).isEqualTo(1);
        assertThat(event.errorMessage()).doesNotContain("+15550003333");
        assertThat(awaitState(reply.replyId(), "failed")
                        .path("error")
                        .path("code")
                        .asString())
                .isEqualTo("invalid_recipient");
        assertThat(provider.requests(base)).hasSize(1);
        assertThat(events(failed, MessageFailed.class, reply.replyId())).hasSize(1);
    }

    @Test
    void aRecipientWhoOptedOutIsNotMessaged() {
        String connectionId = smsConnection("ACstop" + base.substring(2));
        provider.on(base + "/2010-04-01/", request -> Reply.json(201, "{\"sid\": \"SM" + provider.nextId() + "\"}"));
        optOuts.record(api.tenantId(), Channel.SMS, "+15550004444", true, Instant.now(), "msg_stop");
        ReplyRequested reply = reply(connectionId, Channel.SMS, phone("+15550004444"), "Hi again", null);

        publish(reply);

        MessageFailed event =
                awaitEvents(failed, MessageFailed.class, reply.replyId(), 1).get(0);
        assertThat(event.errorCode()).isEqualTo("opted_out");
        assertThat(event.attempts()).isEqualTo(1);
        assertThat(provider.requests(base)).isEmpty();
    }

    @Test
    void whatsAppFreeFormTextIsRefusedOutsideTheCustomerServiceWindow() {
        String connectionId = whatsAppConnection();
        ChannelConnection connection =
                connections.find(api.tenantId(), connectionId).orElseThrow();
        ingestion.ingest(
                connection,
                whatsAppMessage("wamid.OLD", "+4915100000001", Instant.now().minus(Duration.ofHours(25))));
        ReplyRequested reply =
                reply(connectionId, Channel.WHATSAPP, phone("+4915100000001"), "Sorry for the wait", null);

        publish(reply);

        MessageFailed event =
                awaitEvents(failed, MessageFailed.class, reply.replyId(), 1).get(0);
        assertThat(event.errorCode()).isEqualTo("window_closed");
        assertThat(event.errorMessage()).contains("template");
        assertThat(provider.requests(base)).isEmpty();
    }

    @Test
    void whatsAppReplyInsideTheWindowIsSentInContextAndItsReadReceiptDeliversIt() {
        String connectionId = whatsAppConnection();
        provider.on(
                base + "/v21.0/",
                request -> Reply.json(
                        200,
                        "{\"messaging_product\": \"whatsapp\", \"messages\": [{\"id\": \"wamid.OUT" + provider.nextId()
                                + "\"}]}"));
        ChannelConnection connection =
                connections.find(api.tenantId(), connectionId).orElseThrow();
        ingestion.ingest(
                connection,
                whatsAppMessage("wamid.IN1", "+4915100000002", Instant.now().minus(Duration.ofHours(1))));
        ReplyRequested reply =
                reply(connectionId, Channel.WHATSAPP, phone("+4915100000002"), "Here is your invoice.", "wamid.IN1");

        publish(reply);

        JsonNode sent = awaitState(reply.replyId(), "sent");
        ProviderStub.Request request = provider.requests(base).get(0);
        assertThat(request.path()).isEqualTo(base + "/v21.0/1098765/messages");
        assertThat(request.header("Authorization")).isEqualTo("Bearer wa-token");
        JsonNode body = body(request);
        assertThat(body.path("messaging_product").asString()).isEqualTo("whatsapp");
        assertThat(body.path("to").asString()).isEqualTo("4915100000002");
        assertThat(body.path("type").asString()).isEqualTo("text");
        assertThat(body.path("text").path("body").asString()).isEqualTo("Here is your invoice.");
        assertThat(body.path("context").path("message_id").asString()).isEqualTo("wamid.IN1");

        // As the WhatsApp webhook hands over a status notification that says "read" (delivered may never come).
        receipts.record(
                connection,
                new DeliveryReceipt(
                        sent.path("providerMessageId").asString(), DeliveryStatus.READ, null, null, Instant.now()));

        assertThat(awaitEvents(delivered, MessageDelivered.class, reply.replyId(), 1))
                .hasSize(1);
        assertThat(states(awaitState(reply.replyId(), "read"))).containsExactly("queued", "sent", "read");
    }

    @Test
    void aSurveyIsSentAsALinkInTheSurveysLanguage() {
        String connectionId = Connections.create(
                api,
                """
                {"kind": "telegram", "displayName": "Bot", "settings": {"apiBaseUrl": "%s"},
                 "secrets": {"botToken": "777:survey-bot"}}"""
                        .formatted(provider.baseUrl() + base));
        provider.on(
                base + "/bot777:survey-bot/",
                request -> Reply.json(200, "{\"ok\": true, \"result\": {\"message_id\": " + provider.nextId() + "}}"));
        String surveyId = "srv_" + UUID.randomUUID().toString().replace("-", "");
        URI link = URI.create("https://acme.touchpoint.example/s/" + surveyId);

        publish(new SurveyRequested(
                surveyId,
                SurveyKind.CSAT,
                "tkt_" + base.substring(2),
                null,
                null,
                connectionId,
                Channel.TELEGRAM,
                telegram("9001"),
                "de-CH",
                link,
                Instant.now().plus(Duration.ofDays(7)),
                Instant.now()));

        await().until(() -> !events(delivered, MessageDelivered.class, null).stream()
                .filter(event -> surveyId.equals(event.surveyId()))
                .toList()
                .isEmpty());
        JsonNode text = body(provider.requests(base).get(0));
        assertThat(text.path("chat_id").asString()).isEqualTo("9001");
        assertThat(text.path("text").asString()).contains(link.toString()).contains("Wie zufrieden");
        HttpResponse<String> found = api.get("/v1/channels/messages?surveyId=" + surveyId);
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(found.body(), "$.data[0].state")).isEqualTo("delivered");
        assertThat(JsonPath.<String>read(found.body(), "$.data[0].surveyId")).isEqualTo(surveyId);
    }

    @Test
    void replicasClaimingTheSameMessageAtOnceLeaseItOnce() {
        // Due in an hour, so that this service's own worker leaves it alone; the "replicas" claim at that time.
        Instant due = Instant.now().plus(Duration.ofHours(1));
        Origin origin = Origin.reply("rpl_" + base.substring(2));
        OutboundMessage message = new OutboundMessage(
                OutboundMessage.idFor(api.tenantId(), origin),
                api.tenantId(),
                "con_none",
                Channel.API,
                Handle.of(Handle.Kind.EXTERNAL, "user-1"),
                MessageContent.text("hi"),
                null,
                null,
                null,
                origin,
                null,
                null,
                null);
        assertThat(store.insertIfAbsent(OutboundDelivery.queue(message, due))).isTrue();
        assertThat(store.insertIfAbsent(OutboundDelivery.queue(message, due))).isFalse();

        List<Optional<Claim>> claims = IntStream.range(0, 12)
                .mapToObj(i -> CompletableFuture.supplyAsync(
                        () -> store.claim(message.id(), due.plusSeconds(1), Duration.ofMinutes(1))))
                .toList()
                .stream()
                .map(CompletableFuture::join)
                .toList();

        assertThat(claims.stream().filter(Optional::isPresent)).hasSize(1);
        // Once its lease runs out, another replica may take it over.
        assertThat(store.claim(message.id(), due.plus(Duration.ofMinutes(2)), Duration.ofMinutes(1)))
                .isPresent();
    }

    private String smsConnection(String accountSid) {
        return Connections.create(
                api,
                "{\"kind\": \"sms\", \"displayName\": \"SMS\", \"settings\": " + smsSettings(accountSid, null)
                        + ", \"secrets\": {\"authToken\": \"" + AUTH_TOKEN + "\"}}");
    }

    private String smsSettings(String accountSid, String extra) {
        return """
                {"apiBaseUrl": "%s", "accountSid": "%s", "phoneNumber": "+15550009999"%s}"""
                .formatted(provider.baseUrl() + base, accountSid, extra == null ? "" : ", " + extra);
    }

    private String whatsAppConnection() {
        return Connections.create(
                api,
                """
                {"kind": "whatsapp", "displayName": "WhatsApp", "settings": {"apiBaseUrl": "%s", "phoneNumberId": "1098765"},
                 "secrets": {"accessToken": "wa-token"}}"""
                        .formatted(provider.baseUrl() + base));
    }

    private static InboundMessage whatsAppMessage(String wamid, String from, Instant at) {
        return new InboundMessage(
                Channel.WHATSAPP,
                wamid,
                phone(from),
                null,
                MessageContent.text("Where is my invoice?"),
                null,
                null,
                at);
    }

    private ReplyRequested reply(
            String connectionId, Channel channel, Handle recipient, String text, String inReplyTo) {
        String id = UUID.randomUUID().toString().replace("-", "");
        return new ReplyRequested(
                "rpl_" + id,
                "tkt_" + id,
                "cnv_" + id,
                connectionId,
                channel,
                recipient,
                MessageContent.text(text),
                inReplyTo,
                List.of(),
                Actor.agent("agt_1"),
                Instant.now());
    }

    private void publish(EventPayload payload) {
        publisher.publish(CloudEvent.of(api.tenantId(), payload));
    }

    private JsonNode awaitState(String replyId, String state) {
        AtomicReference<JsonNode> found = new AtomicReference<>();
        await("reply " + replyId + " " + state).until(() -> {
            HttpResponse<String> response = api.get("/v1/channels/messages?replyId=" + replyId);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode message = json.readTree(response.body()).path("data").path(0);
            found.set(message);
            return state.equals(message.path("state").asString(null));
        });
        return found.get();
    }

    private JsonNode read(ReplyRequested reply) {
        HttpResponse<String> response = api.get("/v1/channels/messages?replyId=" + reply.replyId());
        return json.readTree(response.body()).path("data").path(0);
    }

    private JsonNode read(String messageId) {
        HttpResponse<String> response = api.get("/v1/channels/messages/" + messageId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static List<String> states(JsonNode message) {
        return message.path("history")
                .valueStream()
                .map(step -> step.path("state").asString())
                .toList();
    }

    private double requestCount(String outcome) {
        return meters.find("touchpoint.channel.outbound.requests").tag("outcome", outcome).counters().stream()
                .mapToDouble(counter -> counter.count())
                .sum();
    }

    private static <T extends EventPayload> List<T> awaitEvents(
            EventCapture capture, Class<T> type, String replyId, int count) {
        await(type.getSimpleName() + " for " + replyId)
                .atMost(Duration.ofSeconds(20))
                .until(() -> events(capture, type, replyId).size() >= count);
        return events(capture, type, replyId);
    }

    /** The captured events of {@code replyId} (all when null), each checked against the contract first. */
    private static <T extends EventPayload> List<T> events(EventCapture capture, Class<T> type, String replyId) {
        return capture.payloads(type).stream()
                .filter(event -> replyId == null || replyId.equals(replyIdOf(event)))
                .toList();
    }

    private static String replyIdOf(EventPayload event) {
        if (event instanceof MessageDelivered delivered) {
            return delivered.replyId();
        }
        return ((MessageFailed) event).replyId();
    }

    private HttpResponse<String> statusCallback(String connectionId, String url, String sid, String status) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("MessageSid", sid);
        params.put("SmsSid", sid);
        params.put("AccountSid", "ACxxxxxxxx");
        params.put("MessageStatus", status);
        params.put("SmsStatus", status);
        params.put("To", "+15550001111");
        params.put("From", "+15550009999");
        String body = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return api.sendPublic(api.publicRequest("/webhooks/sms/" + connectionId + "/status")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", twilioSignature(url, params))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Twilio's algorithm, written here independently of the service's verifier. */
    private static String twilioSignature(String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(AUTH_TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String body) {
        return Arrays.stream(body.split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(
                        pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }

    private static JsonNode body(ProviderStub.Request request) {
        return json.readTree(request.body());
    }

    private static Handle phone(String number) {
        return Handle.of(Handle.Kind.PHONE, number);
    }

    private static Handle telegram(String chatId) {
        return Handle.of(Handle.Kind.TELEGRAM, chatId);
    }
}
