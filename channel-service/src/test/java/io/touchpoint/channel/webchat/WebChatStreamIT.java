package io.touchpoint.channel.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.touchpoint.channel.application.connection.ConnectionManagement;
import io.touchpoint.channel.application.outbound.ChannelSender;
import io.touchpoint.channel.application.outbound.OutboundRequests;
import io.touchpoint.channel.application.webchat.ChatEventStore;
import io.touchpoint.channel.domain.connection.ChannelConnection;
import io.touchpoint.channel.domain.outbound.OutboundMessage;
import io.touchpoint.channel.domain.outbound.OutboundMessage.Origin;
import io.touchpoint.channel.domain.outbound.SendOutcome;
import io.touchpoint.channel.domain.webchat.ChatAuthor;
import io.touchpoint.channel.domain.webchat.ChatEvent;
import io.touchpoint.channel.support.ChannelApi;
import io.touchpoint.channel.support.Connections;
import io.touchpoint.channel.support.WebChatWidget;
import io.touchpoint.channel.support.WebChatWidget.Conversation;
import io.touchpoint.events.Actor;
import io.touchpoint.events.Channel;
import io.touchpoint.events.EventType;
import io.touchpoint.events.Handle;
import io.touchpoint.events.MessageContent;
import io.touchpoint.events.message.MessageDelivered;
import io.touchpoint.events.reply.ReplyRequested;
import io.touchpoint.test.events.EventCapture;
import io.touchpoint.test.infrastructure.RealInfrastructure;
import io.touchpoint.test.infrastructure.TestInfrastructure;
import io.touchpoint.test.sse.SseClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A widget's live event stream, read by a real SSE client: agent replies arrive as they are sent, and a client that
 * was away resumes with {@code Last-Event-ID} and gets exactly what it missed, in order, once, then live events again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class WebChatStreamIT {

    @LocalServerPort
    int port;

    @Value("${touchpoint.tenant-context.key}")
    String tenantContextKey;

    @Autowired
    List<ChannelSender> senders;

    @Autowired
    ConnectionManagement connections;

    @Autowired
    ChatEventStore eventStore;

    @Autowired
    OutboundRequests outboundRequests;

    ChannelApi api;

    ChannelConnection connection;

    WebChatWidget widget;

    Conversation conversation;

    int replies;

    @BeforeEach
    void conversation() {
        api = ChannelApi.forTenant(
                port, tenantContextKey, "tenant_" + UUID.randomUUID().toString().substring(0, 8));
        String connectionId = Connections.create(api, "{\"kind\": \"web_chat\", \"displayName\": \"Shop chat\"}");
        connection = connections.get(api.tenantId(), connectionId);
        widget = new WebChatWidget(api, connectionId);
        conversation = widget.startAnonymous();
    }

    @Test
    void repliesArriveLiveAndAReconnectWithLastEventIdGetsExactlyWhatItMissedThenLiveOnesAgain() {
        try (SseClient first = widget.events(conversation)) {
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.header("Content-Type")).startsWith("text/event-stream");
            reply("Hello, how can I help?");
            reply("Let me check your order.");

            List<SseClient.Event> live = first.awaitLastId(2);

            assertThat(live).extracting(SseClient.Event::id).containsExactly("1", "2");
            assertThat(live).extracting(SseClient.Event::name).containsOnly("message");
            assertThat(JsonPath.<String>read(live.get(0).data(), "$.author")).isEqualTo("agent");
            assertThat(JsonPath.<String>read(live.get(0).data(), "$.text")).isEqualTo("Hello, how can I help?");
        }

        for (int i = 3; i <= 7; i++) {
            reply("Missed reply " + i);
        }

        try (SseClient resumed = widget.events(conversation, "", Map.of("Last-Event-ID", "2"))) {
            resumed.awaitLastId(7);
            assertThat(resumed.ids()).containsExactly(3L, 4L, 5L, 6L, 7L);
            assertThat(resumed.events())
                    .extracting(event -> JsonPath.<String>read(event.data(), "$.text"))
                    .containsExactly(
                            "Missed reply 3", "Missed reply 4", "Missed reply 5", "Missed reply 6", "Missed reply 7");

            reply("Your parcel left today.");
            reply("Anything else?");

            resumed.awaitLastId(9);
            assertThat(resumed.ids()).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L);
        }
    }

    @Test
    void repliesAppendedWhileTheClientReconnectsAreNeitherLostNorRepeated() {
        try (SseClient first = widget.events(conversation)) {
            reply("before");
            first.awaitLastId(1);
        }

        CompletableFuture<Void> appending =
                CompletableFuture.runAsync(() -> IntStream.rangeClosed(2, 41).forEach(i -> reply("racing " + i)));
        try (SseClient resumed = widget.events(conversation, "", Map.of("Last-Event-ID", "1"))) {
            appending.join();
            reply("after");

            resumed.awaitLastId(42);
            assertThat(resumed.ids())
                    .containsExactlyElementsOf(
                            LongStream.rangeClosed(2, 42).boxed().toList());
        }
    }

    @Test
    void afterInTheQueryResumesLikeLastEventIdWhichWinsWhenBothAreGiven() {
        reply("one");
        reply("two");
        reply("three");

        try (SseClient byQuery = widget.events(conversation, "&after=1", Map.of());
                SseClient byHeader = widget.events(conversation, "&after=1", Map.of("Last-Event-ID", "2"));
                SseClient fromTheStart = widget.events(conversation)) {
            byQuery.awaitLastId(3);
            byHeader.awaitLastId(3);
            fromTheStart.awaitLastId(3);

            assertThat(byQuery.ids()).containsExactly(2L, 3L);
            assertThat(byHeader.ids()).containsExactly(3L);
            assertThat(fromTheStart.ids()).containsExactly(1L, 2L, 3L);
        }
    }

    @Test
    void eventsAnotherReplicaAppendedArriveThroughThePoll() {
        try (SseClient stream = widget.events(conversation)) {
            // Stored without telling this replica's streams, as an append on another replica is.
            eventStore.append(
                    api.tenantId(),
                    conversation.id(),
                    new ChatEvent.Message(
                            ChatAuthor.AGENT, "Sam", null, null, null, MessageContent.text("from replica two")),
                    null,
                    Instant.now());

            List<SseClient.Event> events = stream.awaitLastId(1);

            assertThat(JsonPath.<String>read(events.get(0).data(), "$.text")).isEqualTo("from replica two");
        }
    }

    @Test
    void visitorMessagesTypingAndReceiptsAreEventsOfTheStreamToo() {
        try (SseClient stream = widget.events(conversation)) {
            assertThat(widget.postMessage(conversation, "c-1", "Where is my order?")
                            .statusCode())
                    .isEqualTo(201);
            HttpResponse<String> typing = api.postJson(
                    "/v1/channels/web-chat/conversations/" + conversation.id() + "/typing",
                    "{\"typing\": true, \"agentName\": \"Sam\"}");
            assertThat(typing.statusCode()).as(typing.body()).isEqualTo(204);
            reply("It left today.");
            assertThat(widget.post(
                                    conversation.id(),
                                    "receipts",
                                    conversation.token(),
                                    "{\"eventId\": 3, \"status\": \"read\"}")
                            .statusCode())
                    .isEqualTo(204);
            assertThat(widget.post(conversation.id(), "typing", conversation.token(), "{\"typing\": false}")
                            .statusCode())
                    .isEqualTo(204);

            List<SseClient.Event> events = stream.awaitLastId(5);

            assertThat(events)
                    .extracting(SseClient.Event::name)
                    .containsExactly("message", "typing", "message", "delivery", "typing");
            assertThat(JsonPath.<String>read(events.get(0).data(), "$.author")).isEqualTo("visitor");
            assertThat(JsonPath.<String>read(events.get(0).data(), "$.clientMessageId"))
                    .isEqualTo("c-1");
            assertThat(JsonPath.<String>read(events.get(0).data(), "$.messageId"))
                    .startsWith("msg_");
            assertThat(JsonPath.<String>read(events.get(1).data(), "$.author")).isEqualTo("agent");
            assertThat(JsonPath.<String>read(events.get(1).data(), "$.authorName"))
                    .isEqualTo("Sam");
            assertThat(JsonPath.<Boolean>read(events.get(1).data(), "$.typing")).isTrue();
            assertThat(JsonPath.<Integer>read(events.get(3).data(), "$.messageEventId"))
                    .isEqualTo(3);
            assertThat(JsonPath.<String>read(events.get(3).data(), "$.status")).isEqualTo("read");
            assertThat(JsonPath.<String>read(events.get(4).data(), "$.author")).isEqualTo("visitor");
        }
        assertProblem(
                widget.post(
                        conversation.id(), "receipts", conversation.token(), "{\"eventId\": 1, \"status\": \"read\"}"),
                404);
        assertThat(api.postJson(
                                "/v1/channels/web-chat/conversations/" + conversation.id() + "/typing",
                                "{\"typing\": false}")
                        .statusCode())
                .isEqualTo(204);
        assertProblem(
                ChannelApi.forTenant(port, tenantContextKey, "tenant_other")
                        .postJson(
                                "/v1/channels/web-chat/conversations/" + conversation.id() + "/typing",
                                "{\"typing\": true}"),
                404);
    }

    @Test
    void theSameOutboundMessageSentTwiceIsOneEvent() {
        OutboundMessage message = outbound("rpl_" + UUID.randomUUID(), "Only once, please.");

        SendOutcome first = webChat().send(connection, message);
        SendOutcome again = webChat().send(connection, message);

        assertThat(first).isEqualTo(new SendOutcome.Accepted(conversation.id() + "|1"));
        assertThat(again).isEqualTo(first);
        reply("next");
        try (SseClient stream = widget.events(conversation)) {
            stream.awaitLastId(2);
            assertThat(stream.ids()).containsExactly(1L, 2L);
        }
    }

    @Test
    void aReplyForAnotherConversationOrWidgetIsAPermanentFailure() {
        Conversation other = new WebChatWidget(
                        api, Connections.create(api, "{\"kind\": \"web_chat\", \"displayName\": \"Other\"}"))
                .startAnonymous();

        assertThat(webChat().send(connection, outbound("rpl_x", "hi", other.id())))
                .isInstanceOf(SendOutcome.PermanentFailure.class);
        assertThat(webChat().send(connection, outbound("rpl_y", "hi", null)))
                .isInstanceOf(SendOutcome.PermanentFailure.class);
    }

    @Test
    void aReplyRequestedOnWebChatReachesTheLiveStreamAndTheWidgetsReceiptPublishesMessageDelivered() {
        try (EventCapture delivered = EventCapture.bind(
                        TestInfrastructure.virtualHostFor(getClass()).connectionFactory(),
                        EventType.MESSAGE_DELIVERED);
                SseClient stream = widget.events(conversation)) {
            String replyId = "rpl_" + UUID.randomUUID().toString().replace("-", "");
            outboundRequests.replyRequested(
                    api.tenantId(),
                    new ReplyRequested(
                            replyId,
                            "tkt_1",
                            conversation.id(),
                            connection.id(),
                            Channel.WEB_CHAT,
                            visitor(),
                            MessageContent.text("We are on it."),
                            null,
                            null,
                            Actor.agent("agt_1"),
                            Instant.now()));

            SseClient.Event reply = stream.awaitLastId(1).get(0);
            assertThat(JsonPath.<String>read(reply.data(), "$.replyId")).isEqualTo(replyId);
            assertThat(JsonPath.<String>read(reply.data(), "$.text")).isEqualTo("We are on it.");

            assertThat(widget.post(
                                    conversation.id(),
                                    "receipts",
                                    conversation.token(),
                                    "{\"eventId\": 1, \"status\": \"delivered\"}")
                            .statusCode())
                    .isEqualTo(204);

            delivered.awaitCount(1);
            MessageDelivered event = delivered.payloads(MessageDelivered.class).get(0);
            assertThat(event.replyId()).isEqualTo(replyId);
            assertThat(event.channel()).isEqualTo(Channel.WEB_CHAT);
            assertThat(event.conversationId()).isEqualTo(conversation.id());
            assertThat(event.providerMessageId()).isEqualTo(conversation.id() + "|1");
        }
    }

    @Test
    void theStreamNeedsItsConversationsVisitorToken() {
        String events = "/public/chat/conversations/" + conversation.id() + "/events";

        assertProblem(stream(events, Map.of()), 401);
        assertProblem(stream(events + "?token=v1.forged.token", Map.of()), 401);
        assertProblem(stream(events + "?token=" + conversation.token(), Map.of("Last-Event-ID", "soon")), 400);
        Conversation other = widget.startAnonymous();
        assertProblem(
                stream("/public/chat/conversations/" + other.id() + "/events?token=" + conversation.token(), Map.of()),
                404);
    }

    private void reply(String text) {
        SendOutcome outcome = webChat().send(connection, outbound("rpl_" + ++replies, text));
        assertThat(outcome).isInstanceOf(SendOutcome.Accepted.class);
    }

    private ChannelSender webChat() {
        return senders.stream()
                .filter(sender -> sender.channel() == Channel.WEB_CHAT)
                .findFirst()
                .orElseThrow();
    }

    private OutboundMessage outbound(String replyId, String text) {
        return outbound(replyId, text, conversation.id());
    }

    private OutboundMessage outbound(String replyId, String text, String conversationId) {
        return new OutboundMessage(
                OutboundMessage.idFor(api.tenantId(), Origin.reply(replyId)),
                api.tenantId(),
                connection.id(),
                Channel.WEB_CHAT,
                visitor(),
                MessageContent.text(text),
                null,
                null,
                null,
                Origin.reply(replyId),
                "tkt_1",
                conversationId,
                "en");
    }

    private Handle visitor() {
        return Handle.of(
                Handle.Kind.WEB_VISITOR,
                JsonPath.read(
                        widget.get("/public/chat/conversations/" + conversation.id(), conversation.token())
                                .body(),
                        "$.visitor.value"));
    }

    private HttpResponse<String> stream(String path, Map<String, String> headers) {
        HttpRequest.Builder request = api.publicRequest(path).header("Accept", "text/event-stream");
        headers.forEach(request::header);
        return api.sendPublic(request.GET());
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }
}
