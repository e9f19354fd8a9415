package io.touchpoint.ticket.web.routing;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.touchpoint.ticket.domain.routing.InboxEvent;
import java.time.Instant;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * How inbox events look on the wire: one SSE frame per event, {@code id:} its sequence (what a client resumes after
 * with {@code Last-Event-ID}), {@code event:} its type ({@code assigned}, {@code unassigned}, {@code message},
 * {@code status}), and {@code data:} the event as one line of JSON.
 */
final class InboxFrames {

    /** How long {@code EventSource} waits before it reconnects after the stream ended. */
    static final long RECONNECT_MILLIS = 3_000;

    private InboxFrames() {}

    static SseEventBuilder frame(InboxEvent event, JsonMapper json) {
        return SseEmitter.event()
                .id(Long.toString(event.sequence()))
                .name(event.type().apiName())
                .data(json.writeValueAsString(EventData.of(event)), MediaType.APPLICATION_JSON);
    }

    /** The first frame: sets the reconnect delay, and commits the response so the client knows the stream is open. */
    static SseEventBuilder opening() {
        return SseEmitter.event().reconnectTime(RECONNECT_MILLIS);
    }

    static SseEventBuilder heartbeat() {
        return SseEmitter.event().comment("heartbeat");
    }

    /**
     * An inbox event as its {@code data:} line shows it.
     *
     * @param id the event's sequence, as in {@code id:}
     * @param status the ticket's status after the event
     * @param messageId the customer's message, on {@code message} events
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EventData(
            long id,
            String type,
            Instant at,
            String ticketId,
            String teamId,
            String status,
            String priority,
            String messageId) {

        static EventData of(InboxEvent event) {
            return new EventData(
                    event.sequence(),
                    event.type().apiName(),
                    event.at(),
                    event.ticketId(),
                    event.teamId(),
                    event.status(),
                    event.priority(),
                    event.messageId());
        }
    }
}
