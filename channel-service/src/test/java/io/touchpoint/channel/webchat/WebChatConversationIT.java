package io.touchpoint.channel.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.touchpoint.channel.support.ChannelApi;
import io.touchpoint.channel.support.Connections;
import io.touchpoint.channel.support.WebChatWidget;
import io.touchpoint.channel.support.WebChatWidget.Conversation;
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

/**
 * The chat widget's REST API end to end: conversations for anonymous and identified visitors, visitor tokens that open
 * one conversation only, messages stored once and published as contract-valid {@code interaction.received}, and CORS.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class WebChatConversationIT {

    private static final String IDENTITY_SECRET = "widget-identity-secret-0123456789";

    private static final String SHOP = "https://shop.example.com";

    @LocalServerPort
    int port;

    @Value("${touchpoint.tenant-context.key}")
    String tenantContextKey;

    @Autowired
    MongoTemplate mongo;

    ChannelApi api;

    String connectionId;

    WebChatWidget widget;

    EventCapture interactions;

    @BeforeEach
    void widget() {
        api = ChannelApi.forTenant(
                port, tenantContextKey, "tenant_" + UUID.randomUUID().toString().substring(0, 8));
        connectionId = Connections.create(
                api,
                """
                {"kind": "web_chat", "displayName": "Shop chat",
                 "settings": {"allowedOrigins": "%s, https://*.example.org"},
                 "secrets": {"identitySecret": "%s"}}"""
                        .formatted(SHOP, IDENTITY_SECRET));
        widget = new WebChatWidget(api, connectionId);
        interactions = EventCapture.bind(
                TestInfrastructure.virtualHostFor(getClass()).connectionFactory(), EventType.INTERACTION_RECEIVED);
    }

    @AfterEach
    void close() {
        interactions.close();
    }

    @Test
    void anAnonymousVisitorGetsAConversationAndAToken() {
        HttpResponse<String> started = widget.start(null);

        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        String id = JsonPath.read(started.body(), "$.id");
        assertThat(id).startsWith("cnv_");
        assertThat(started.headers().firstValue("Location")).hasValue("/public/chat/conversations/" + id);
        assertThat(JsonPath.<String>read(started.body(), "$.connectionId")).isEqualTo(connectionId);
        assertThat(JsonPath.<String>read(started.body(), "$.visitor.kind")).isEqualTo("web_visitor");
        assertThat(JsonPath.<String>read(started.body(), "$.visitor.value")).startsWith("vis_");
        assertThat(JsonPath.<Boolean>read(started.body(), "$.identified")).isFalse();
        String token = JsonPath.read(started.body(), "$.token");
        assertThat(token).startsWith("v1.");
        assertThat(JsonPath.<String>read(started.body(), "$.tokenExpiresAt")).isNotBlank();

        HttpResponse<String> read = widget.get("/public/chat/conversations/" + id, token);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(JsonPath.<String>read(read.body(), "$.id")).isEqualTo(id);
        assertThat(read.body()).doesNotContain("token");
    }

    @Test
    void aVisitorVouchedForByTheCompanysBackendIsIdentifiedByItsUserId() {
        HttpResponse<String> started = widget.start(
                """
                {"userId": "customer-4711", "userHash": "%s", "name": "Ada Lovelace"}"""
                        .formatted(WebChatWidget.userHash(IDENTITY_SECRET, "customer-4711")));

        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        assertThat(JsonPath.<String>read(started.body(), "$.visitor.value")).isEqualTo("customer-4711");
        assertThat(JsonPath.<String>read(started.body(), "$.visitor.displayName"))
                .isEqualTo("Ada Lovelace");
        assertThat(JsonPath.<Boolean>read(started.body(), "$.identified")).isTrue();
    }

    @Test
    void aUserHashThatDoesNotProveTheUserIdIsRefusedSoNoOneCanImpersonateACustomer() {
        long before = mongo.getCollection("web_chat_conversations").countDocuments();
        String victimsHash = WebChatWidget.userHash(IDENTITY_SECRET, "customer-4711");

        assertProblem(
                widget.start("{\"userId\": \"customer-4712\", \"userHash\": \"%s\"}".formatted(victimsHash)), 401);
        assertProblem(
                widget.start("{\"userId\": \"customer-4711\", \"userHash\": \"%s\"}"
                        .formatted(WebChatWidget.userHash("guessed-secret", "customer-4711"))),
                401);
        assertProblem(widget.start("{\"userId\": \"customer-4711\"}"), 401);
        assertProblem(widget.start("{\"userHash\": \"%s\"}".formatted(victimsHash)), 400);

        String withoutSecret = Connections.create(api, "{\"kind\": \"web_chat\", \"displayName\": \"No identity\"}");
        assertProblem(
                new WebChatWidget(api, withoutSecret)
                        .start("{\"userId\": \"customer-4711\", \"userHash\": \"%s\"}".formatted(victimsHash)),
                401);

        assertThat(mongo.getCollection("web_chat_conversations").countDocuments())
                .isEqualTo(before);
    }

    @Test
    void onlyActiveWebChatConnectionsStartConversations() {
        String api = Connections.create(this.api, "{\"kind\": \"api\", \"displayName\": \"App\"}");

        assertProblem(new WebChatWidget(this.api, api).start(null), 404);
        assertProblem(new WebChatWidget(this.api, "con_00000000000000000000000000").start(null), 404);
        assertProblem(new WebChatWidget(this.api, "anything").start(null), 404);
    }

    @Test
    void aVisitorTokenOpensItsOwnConversationAndNoOther() {
        Conversation mine = widget.startAnonymous();
        Conversation theirs = widget.startAnonymous();

        assertProblem(widget.postMessage(new Conversation(theirs.id(), mine.token()), "c-1", "hello"), 404);
        assertProblem(widget.get("/public/chat/conversations/" + theirs.id(), mine.token()), 404);
        assertProblem(
                widget.get("/public/chat/conversations/" + theirs.id() + "/events?token=" + mine.token(), null), 404);
        assertProblem(widget.postMessage(new Conversation(theirs.id(), null), "c-1", "hello"), 401);
        assertProblem(widget.postMessage(new Conversation(theirs.id(), mine.token() + "x"), "c-1", "hello"), 401);
        assertProblem(widget.get("/public/chat/conversations/" + theirs.id(), "not-a-token"), 401);

        assertThat(mongo.getCollection("inbound_messages")
                        .countDocuments(new Document("thread.conversationId", theirs.id())))
                .isZero();
        assertThat(widget.postMessage(mine, "c-1", "hello").statusCode()).isEqualTo(201);
    }

    @Test
    void aVisitorsMessageIsStoredAndPublishedAsAContractValidInteractionReceived() {
        Conversation conversation = widget.startAnonymous();
        String visitorId = JsonPath.read(
                widget.get("/public/chat/conversations/" + conversation.id(), conversation.token())
                        .body(),
                "$.visitor.value");

        HttpResponse<String> posted = widget.post(
                conversation.id(),
                "messages",
                conversation.token(),
                """
                {"clientMessageId": "c-1", "text": "Wo ist meine Bestellung? Grüße", "language": "de-CH"}""");

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        String id = JsonPath.read(posted.body(), "$.id");
        assertThat(id).startsWith("msg_");
        assertThat(JsonPath.<Boolean>read(posted.body(), "$.duplicate")).isFalse();
        assertThat(JsonPath.<Integer>read(posted.body(), "$.eventId")).isEqualTo(1);
        interactions.awaitCount(1);
        InteractionReceived event =
                interactions.payloads(InteractionReceived.class).get(0);
        assertThat(event.interactionId()).isEqualTo(id);
        assertThat(event.connectionId()).isEqualTo(connectionId);
        assertThat(event.channel()).isEqualTo(Channel.WEB_CHAT);
        assertThat(event.customer()).isEqualTo(Handle.of(Handle.Kind.WEB_VISITOR, visitorId));
        assertThat(event.thread().conversationId()).isEqualTo(conversation.id());
        assertThat(event.providerMessageId()).isEqualTo(conversation.id() + ":c-1");
        assertThat(event.content().text()).isEqualTo("Wo ist meine Bestellung? Grüße");
        assertThat(event.language()).isEqualTo("de-CH");
        assertThat(EventCapture.header(
                        interactions.deliveries().get(0).getProperties().getHeaders(), "cloudEvents_tenantid"))
                .isEqualTo(api.tenantId());
        assertThat(JsonPath.<String>read(api.get("/v1/channels/messages/" + id).body(), "$.content.text"))
                .isEqualTo("Wo ist meine Bestellung? Grüße");
    }

    @Test
    void theSameClientMessageIdPostedThreeTimesConcurrentlyIsStoredPublishedAndEchoedOnce() {
        Conversation conversation = widget.startAnonymous();

        List<HttpResponse<String>> responses = IntStream.range(0, 3)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> widget.postMessage(conversation, "c-dup", "Hello?")))
                .toList()
                .stream()
                .map(CompletableFuture::join)
                .toList();

        assertThat(responses)
                .allSatisfy(response ->
                        assertThat(response.statusCode()).as(response.body()).isIn(200, 201));
        assertThat(responses)
                .filteredOn(response -> response.statusCode() == 201)
                .hasSize(1);
        assertThat(responses.stream()
                        .map(r -> JsonPath.<String>read(r.body(), "$.id"))
                        .distinct())
                .hasSize(1);
        assertThat(responses.stream()
                        .map(r -> JsonPath.<Integer>read(r.body(), "$.eventId"))
                        .distinct())
                .hasSize(1);
        assertThat(mongo.getCollection("inbound_messages")
                        .countDocuments(new Document("thread.conversationId", conversation.id())))
                .isEqualTo(1);
        interactions.awaitCount(1);
        widget.postMessage(conversation, "c-after", "later");
        interactions.awaitCount(2);
        assertThat(interactions.payloads(InteractionReceived.class))
                .extracting(InteractionReceived::providerMessageId)
                .containsExactly(conversation.id() + ":c-dup", conversation.id() + ":c-after");
        assertThat(mongo.getCollection("web_chat_events")
                        .countDocuments(new Document("conversationId", conversation.id())))
                .isEqualTo(2);
    }

    @Test
    void theSameClientMessageIdInTwoConversationsIsTwoMessages() {
        Conversation first = widget.startAnonymous();
        Conversation second = widget.startAnonymous();

        assertThat(widget.postMessage(first, "1", "mine").statusCode()).isEqualTo(201);
        HttpResponse<String> other = widget.postMessage(second, "1", "theirs");

        assertThat(other.statusCode()).isEqualTo(201);
        assertThat(JsonPath.<Boolean>read(other.body(), "$.duplicate")).isFalse();
    }

    @Test
    void attachmentsAreRecordedAsMetadataAndTravelWithTheMessage() {
        Conversation conversation = widget.startAnonymous();
        HttpResponse<String> recorded = widget.post(
                conversation.id(),
                "attachments",
                conversation.token(),
                """
                {"name": "receipt.pdf", "contentType": "application/pdf", "size": 48213,
                 "url": "https://uploads.shop.example.com/r/1.pdf"}""");
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        String attachmentId = JsonPath.read(recorded.body(), "$.id");
        assertThat(attachmentId).startsWith("att_");
        assertThat(recorded.headers().firstValue("Location"))
                .hasValue("/public/chat/conversations/" + conversation.id() + "/attachments/" + attachmentId);
        assertThat(widget.get(recorded.headers().firstValue("Location").orElseThrow(), conversation.token())
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> posted = widget.post(
                conversation.id(),
                "messages",
                conversation.token(),
                """
                {"clientMessageId": "c-files", "text": "",
                 "attachments": [{"id": "%s"},
                                 {"name": "photo.jpg", "contentType": "image/jpeg", "size": 1200,
                                  "url": "https://uploads.shop.example.com/p/2.jpg"}]}"""
                        .formatted(attachmentId));

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        interactions.awaitCount(1);
        assertThat(interactions
                        .payloads(InteractionReceived.class)
                        .get(0)
                        .content()
                        .attachments())
                .containsExactly(
                        new Attachment(
                                "receipt.pdf",
                                "application/pdf",
                                48213,
                                URI.create("https://uploads.shop.example.com/r/1.pdf")),
                        new Attachment(
                                "photo.jpg",
                                "image/jpeg",
                                1200,
                                URI.create("https://uploads.shop.example.com/p/2.jpg")));
    }

    @Test
    void invalidMessagesAndAttachmentsAreProblemsAndStoreNothing() {
        Conversation conversation = widget.startAnonymous();
        Conversation other = widget.startAnonymous();
        String othersAttachment = JsonPath.read(
                widget.post(
                                other.id(),
                                "attachments",
                                other.token(),
                                """
                                {"name": "a.txt", "contentType": "text/plain", "size": 1, "url": "https://x.example/a"}""")
                        .body(),
                "$.id");

        for (String body : List.of(
                "{\"clientMessageId\": \"c\", \"text\": \"  \"}",
                "{\"text\": \"no client id\"}",
                "{\"clientMessageId\": \"c\", \"text\": \"x\", \"surprise\": 1}",
                "{\"clientMessageId\": \"c\", \"text\": \"x\", \"language\": \"not a tag\"}",
                "{\"clientMessageId\": \"c\", \"attachments\": [{\"id\": \"%s\"}]}".formatted(othersAttachment),
                "{\"clientMessageId\": \"c\", \"attachments\": [{\"name\": \"x\", \"contentType\": \"text/html\","
                        + " \"size\": 1, \"url\": \"javascript:alert(1)\"}]}",
                "{\"clientMessageId\": \"c\", \"attachments\": [{\"name\": \"x\"}]}")) {
            assertProblem(widget.post(conversation.id(), "messages", conversation.token(), body), 400);
        }
        assertProblem(
                widget.post(
                        conversation.id(),
                        "attachments",
                        conversation.token(),
                        "{\"name\": \"x\", \"contentType\": \"text/html\", \"size\": 1, \"url\": \"data:text/html,x\"}"),
                400);

        assertThat(mongo.getCollection("inbound_messages")
                        .countDocuments(new Document("thread.conversationId", conversation.id())))
                .isZero();
    }

    @Test
    void crossOriginCallsAreAllowedFromTheWidgetsOriginsOnly() {
        Conversation conversation = widget.startAnonymous();
        String messages = "/public/chat/conversations/" + conversation.id() + "/messages";

        HttpResponse<String> allowed = preflight(messages, SHOP);
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(SHOP);
        assertThat(allowed.headers()
                        .firstValue("Access-Control-Allow-Headers")
                        .orElse("")
                        .toLowerCase())
                .contains("authorization", "content-type");
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Credentials"))
                .isEmpty();
        assertThat(preflight("/public/chat/" + connectionId + "/conversations", "https://help.example.org")
                        .headers()
                        .firstValue("Access-Control-Allow-Origin"))
                .hasValue("https://help.example.org");

        assertProblem(preflight(messages, "https://evil.example.net"), 403);
        HttpResponse<String> refused = api.sendPublic(api.publicRequest(messages)
                .header("Origin", "https://evil.example.net")
                .header("Authorization", "Bearer " + conversation.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"clientMessageId\": \"c\", \"text\": \"x\"}")));
        assertProblem(refused, 403);
        assertThat(mongo.getCollection("inbound_messages")
                        .countDocuments(new Document("thread.conversationId", conversation.id())))
                .isZero();

        HttpResponse<String> sent = api.sendPublic(api.publicRequest(messages)
                .header("Origin", SHOP)
                .header("Authorization", "Bearer " + conversation.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"clientMessageId\": \"c\", \"text\": \"x\"}")));
        assertThat(sent.statusCode()).isEqualTo(201);
        assertThat(sent.headers().firstValue("Access-Control-Allow-Origin")).hasValue(SHOP);
    }

    @Test
    void aWidgetWithoutAllowedOriginsMayBeEmbeddedAnywhere() {
        String open = Connections.create(api, "{\"kind\": \"web_chat\", \"displayName\": \"Anywhere\"}");

        HttpResponse<String> preflight = preflight("/public/chat/" + open + "/conversations", "https://any.example");

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("*");
    }

    private HttpResponse<String> preflight(String path, String origin) {
        return api.sendPublic(api.publicRequest(path)
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JsonPath.<String>read(response.body(), "$.code")).isNotBlank();
    }
}
