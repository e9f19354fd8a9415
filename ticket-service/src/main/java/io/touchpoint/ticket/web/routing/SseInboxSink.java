package io.touchpoint.ticket.web.routing;

import io.touchpoint.ticket.application.routing.InboxSink;
import io.touchpoint.ticket.domain.routing.InboxEvent;
import java.io.IOException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/** An agent's inbox events written to one client's {@code text/event-stream} response. */
final class SseInboxSink implements InboxSink {

    private final SseEmitter emitter;

    private final JsonMapper json;

    SseInboxSink(SseEmitter emitter, JsonMapper json) {
        this.emitter = emitter;
        this.json = json;
    }

    @Override
    public void send(InboxEvent event) throws IOException {
        try {
            emitter.send(InboxFrames.frame(event, json));
        } catch (IllegalStateException completed) {
            throw new IOException("the stream has ended", completed);
        }
    }

    @Override
    public void heartbeat() throws IOException {
        try {
            emitter.send(InboxFrames.heartbeat());
        } catch (IllegalStateException completed) {
            throw new IOException("the stream has ended", completed);
        }
    }

    @Override
    public void close() {
        try {
            emitter.complete();
        } catch (RuntimeException alreadyGone) {
            // the client disconnected first; nothing left to end
        }
    }
}
