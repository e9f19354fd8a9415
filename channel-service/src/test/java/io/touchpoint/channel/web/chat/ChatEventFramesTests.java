package io.touchpoint.channel.web.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchpoint.channel.domain.outbound.DeliveryStatus;
import io.touchpoint.channel.domain.webchat.ChatAuthor;
import io.touchpoint.channel.domain.webchat.ChatEvent;
import io.touchpoint.events.Attachment;
import io.touchpoint.events.MessageContent;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;
import tools.jackson.databind.json.JsonMapper;

/** What a widget's {@code EventSource} reads: the text of each frame exactly. */
class ChatEventFramesTests {

    private static final String CONVERSATION = "cnv_01jd0000000000000000000000";

    private static final Instant AT = Instant.parse("2026-11-22T14:03:00Z");

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void agentMessageIsOneFrameWithItsSequenceAsId() {
        var message = new ChatEvent.Message(
                ChatAuthor.AGENT, "Sam", "msg_out", null, "rpl_1", MessageContent.text("Your parcel left today."));

        assertThat(render(new ChatEvent(CONVERSATION, 7, AT, message)))
                .isEqualTo(
                        """
                        id:7
                        event:message
                        data:{"id":7,"type":"message","at":"2026-11-22T14:03:00Z","author":"agent","authorName":"Sam",\
                        "messageId":"msg_out","replyId":"rpl_1","text":"Your parcel left today.","attachments":[]}

                        """);
    }

    @Test
    void lineBreaksInTextStayInsideTheOneDataLine() {
        var attachment = new Attachment("invoice.pdf", "application/pdf", 1024, URI.create("https://files.example/1"));
        var message = new ChatEvent.Message(
                ChatAuthor.VISITOR,
                null,
                "msg_in",
                "c-1",
                null,
                new MessageContent(null, "line one\nline two\r\n\ndata:forged", null, List.of(attachment)));

        String frame = render(new ChatEvent(CONVERSATION, 8, AT, message));

        assertThat(frame.split("\n", -1))
                .containsExactly(
                        "id:8",
                        "event:message",
                        "data:{\"id\":8,\"type\":\"message\",\"at\":\"2026-11-22T14:03:00Z\",\"author\":\"visitor\","
                                + "\"messageId\":\"msg_in\",\"clientMessageId\":\"c-1\","
                                + "\"text\":\"line one\\nline two\\r\\n\\ndata:forged\",\"attachments\":[{\"name\":"
                                + "\"invoice.pdf\",\"contentType\":\"application/pdf\",\"size\":1024,"
                                + "\"url\":\"https://files.example/1\"}]}",
                        "",
                        "");
    }

    @Test
    void typingAndDeliveryFrames() {
        assertThat(render(new ChatEvent(CONVERSATION, 9, AT, new ChatEvent.Typing(ChatAuthor.AGENT, "Sam", true))))
                .isEqualTo("id:9\nevent:typing\ndata:{\"id\":9,\"type\":\"typing\",\"at\":\"2026-11-22T14:03:00Z\","
                        + "\"author\":\"agent\",\"authorName\":\"Sam\",\"typing\":true}\n\n");
        assertThat(render(new ChatEvent(
                        CONVERSATION, 10, AT, new ChatEvent.Delivery(ChatAuthor.VISITOR, 7, DeliveryStatus.READ))))
                .isEqualTo("id:10\nevent:delivery\ndata:{\"id\":10,\"type\":\"delivery\",\"at\":"
                        + "\"2026-11-22T14:03:00Z\",\"author\":\"visitor\",\"messageEventId\":7,\"status\":\"read\"}"
                        + "\n\n");
    }

    @Test
    void aStreamOpensWithItsReconnectDelayAndNoEvent() {
        assertThat(render(ChatEventFrames.opening())).isEqualTo("retry:3000\n\n");
    }

    @Test
    void heartbeatIsACommentThatIsNoEvent() {
        assertThat(render(ChatEventFrames.heartbeat())).isEqualTo(":heartbeat\n\n");
    }

    private String render(ChatEvent event) {
        return render(ChatEventFrames.frame(event, json));
    }

    private static String render(SseEventBuilder frame) {
        return frame.build().stream()
                .map(DataWithMediaType::getData)
                .map(Object::toString)
                .collect(Collectors.joining());
    }
}
