package io.touchpoint.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.touchpoint.channel.support.ChannelApi;
import io.touchpoint.channel.support.Connections;
import io.touchpoint.channel.support.ProviderStub;
import io.touchpoint.channel.support.ProviderStub.Reply;
import io.touchpoint.events.Actor;
import io.touchpoint.events.Channel;
import io.touchpoint.events.EventType;
import io.touchpoint.events.Handle;
import io.touchpoint.events.MessageContent;
import io.touchpoint.events.message.MessageDelivered;
import io.touchpoint.events.reply.ReplyRequested;
import io.touchpoint.starter.cloudevents.CloudEvent;
import io.touchpoint.starter.cloudevents.CloudEventPublisher;
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
import java.util.concurrent.atomic.AtomicReference;
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
 * A WhatsApp status notification, from webhook to delivery state: the customer writes, an agent's reply goes out through
 * the Cloud API (a local {@link ProviderStub}), and the {@code statuses} Meta then posts move that outbound message to
 * delivered and read, with one {@code message.delivered} event.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class MetaDeliveryStatusIT {

    private static final String APP_SECRET = "meta-app-secret-for-statuses-0123";

    /** The outbound message id in the recorded status notifications, replaced by the one the stub answered. */
    private static final String RECORDED_WAMID = "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI4QUE0NjEwNjE1NUM0QkU3QjQA";

    private static final JsonMapper json = JsonMapper.builder().build();

    private static ProviderStub provider;

    @LocalServerPort
    int port;

    @Value("${touchpoint.tenant-context.key}")
    String tenantContextKey;

    @Autowired
    CloudEventPublisher publisher;

    ChannelApi api;

    String base;

    String connectionId;

    EventCapture delivered;

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
        connectionId = Connections.create(
                api,
                """
                {"kind": "whatsapp", "displayName": "WhatsApp",
                 "settings": {"apiBaseUrl": "%s", "phoneNumberId": "106540352242922"},
                 "secrets": {"accessToken": "wa-token", "appSecret": "%s", "verifyToken": "v"}}"""
                        .formatted(provider.baseUrl() + base, APP_SECRET));
        provider.on(
                base + "/",
                request -> Reply.json(
                        200,
                        "{\"messaging_product\": \"whatsapp\", \"contacts\": [{\"input\": \"16505551234\", \"wa_id\":"
                                + " \"16505551234\"}], \"messages\": [{\"id\": \"wamid.OUT" + provider.nextId()
                                + "\"}]}"));
        delivered = EventCapture.bind(
                TestInfrastructure.virtualHostFor(getClass()).connectionFactory(), EventType.MESSAGE_DELIVERED);
    }

    @AfterEach
    void tearDown() {
        delivered.close();
    }

    @Test
    void statusNotificationsMoveTheRepliedMessageToDeliveredThenRead() {
        // The customer writes, which opens WhatsApp's customer-service window for the reply.
        byte[] inbound = resource("text-message.json");
        assertThat(post(inbound).statusCode()).isEqualTo(200);
        ReplyRequested reply = reply("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=");
        publisher.publish(CloudEvent.of(api.tenantId(), reply));
        JsonNode sent = awaitState(reply.replyId(), "sent");
        String wamid = sent.path("providerMessageId").asString();
        String messageId = sent.path("id").asString();

        HttpResponse<String> status = post(withWamid(resource("status-delivered.json"), wamid));

        assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
        assertThat(state(messageId)).isEqualTo("delivered");
        delivered.awaitCount(1);
        MessageDelivered event = delivered.payloads(MessageDelivered.class).get(0);
        assertThat(event.providerMessageId()).isEqualTo(wamid);
        assertThat(event.replyId()).isEqualTo(reply.replyId());

        // Meta's later notification repeats sent and delivered and adds read: only read changes anything.
        assertThat(post(withWamid(resource("statuses.json"), wamid)).statusCode())
                .isEqualTo(200);
        assertThat(state(messageId)).isEqualTo("read");
        assertThat(delivered.deliveries()).hasSize(1);
    }

    private ReplyRequested reply(String inReplyTo) {
        String id = UUID.randomUUID().toString().replace("-", "");
        return new ReplyRequested(
                "rpl_" + id,
                "tkt_" + id,
                "cnv_" + id,
                connectionId,
                Channel.WHATSAPP,
                Handle.of(Handle.Kind.PHONE, "+16505551234"),
                MessageContent.text("Yes: in blue and in red."),
                inReplyTo,
                List.of(),
                Actor.agent("agt_1"),
                Instant.now());
    }

    private JsonNode awaitState(String replyId, String state) {
        AtomicReference<JsonNode> found = new AtomicReference<>();
        await("reply " + replyId + " " + state).until(() -> {
            HttpResponse<String> response = api.get("/v1/channels/messages?replyId=" + replyId);
            JsonNode message = json.readTree(response.body()).path("data").path(0);
            found.set(message);
            return state.equals(message.path("state").asString(null));
        });
        return found.get();
    }

    private String state(String messageId) {
        HttpResponse<String> response = api.get("/v1/channels/messages/" + messageId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).path("state").asString();
    }

    private HttpResponse<String> post(byte[] body) {
        return api.sendPublic(api.publicRequest("/webhooks/whatsapp/" + connectionId)
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", "sha256=" + hmacHex(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private static byte[] withWamid(byte[] recorded, String wamid) {
        return new String(recorded, StandardCharsets.UTF_8)
                .replace(RECORDED_WAMID, wamid)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String hmacHex(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = MetaDeliveryStatusIT.class.getResourceAsStream("/webhooks/whatsapp/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
