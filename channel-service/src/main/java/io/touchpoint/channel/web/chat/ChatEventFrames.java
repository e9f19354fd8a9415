package io.touchpoint.channel.web.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.touchpoint.channel.domain.webchat.ChatEvent;
import io.touchpoint.events.Attachment;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * How conversation events look on the wire: one SSE frame per event, {@code id:} its sequence (what a client resumes
 * after with {@code Last-Event-ID}), {@code event:} its type ({@code message}, {@code typing}, {@code delivery}), and
 * {@code data:} the event as one line of JSON.
 */
final class ChatEventFrames {

    static final String HEARTBEAT = "heartbeat";

    /** How long {@code EventSource} waits before it reconnects after the stream ended. */
    static final long RECONNECT_MILLIS = 3_000;

    private ChatEventFrames() {}

    static SseEventBuilder frame(ChatEvent event, JsonMapper json) {
        EventData data = EventData.of(event);
        return SseEmitter.event()
                .id(Long.toString(event.sequence()))
                .name(data.type())
                .data(json.writeValueAsString(data), MediaType.APPLICATION_JSON);
    }

    /**
     * The first frame of every stream: it tells {@code EventSource} how soon to reconnect, and commits the response
     * at once, so a client knows its stream is open before the first event.
     */
    static SseEventBuilder opening() {
        return SseEmitter.event().reconnectTime(RECONNECT_MILLIS);
    }

    static SseEventBuilder heartbeat() {
        return SseEmitter.event().comment(HEARTBEAT);
    }

    /**
     * An event as its {@code data:} line shows it; fields that do not apply to its type are left out.
     *
     * @param id the event's sequence, as in {@code id:}
     * @param author {@code visitor} or {@code agent}
     * @param messageId the stored message: the visitor's inbound {@code msg_…}, or the agent's outbound {@code msg_…}
     * @param clientMessageId the widget's own id of a visitor's message
     * @param typing whether the author is typing ({@code typing} events)
     * @param messageEventId the message event a {@code delivery} event is about
     * @param status {@code delivered} or {@code read} ({@code delivery} events)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EventData(
            long id,
            String type,
            Instant at,
            String author,
            String authorName,
            String messageId,
            String clientMessageId,
            String replyId,
            String text,
            List<Attachment> attachments,
            Boolean typing,
            Long messageEventId,
            String status) {

        static EventData of(ChatEvent event) {
            String author = lower(event.body().author());
            if (event.body() instanceof ChatEvent.Message message) {
                return new EventData(
                        event.sequence(),
                        "message",
                        event.at(),
                        author,
                        message.authorName(),
                        message.messageId(),
                        message.clientMessageId(),
                        message.replyId(),
                        message.content().text(),
                        message.content().attachments(),
                        null,
                        null,
                        null);
            }
            if (event.body() instanceof ChatEvent.Typing typing) {
                return new EventData(
                        event.sequence(),
                        "typing",
                        event.at(),
                        author,
                        typing.authorName(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        typing.active(),
                        null,
                        null);
            }
            ChatEvent.Delivery delivery = (ChatEvent.Delivery) event.body();
            return new EventData(
                    event.sequence(),
                    "delivery",
                    event.at(),
                    author,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    delivery.messageSequence(),
                    lower(delivery.status()));
        }

        private static String lower(Enum<?> value) {
            return value.name().toLowerCase(Locale.ROOT);
        }
    }
}
