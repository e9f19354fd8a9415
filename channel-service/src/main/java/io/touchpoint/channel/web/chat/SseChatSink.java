package io.touchpoint.channel.web.chat;

import io.touchpoint.channel.application.webchat.ChatSink;
import io.touchpoint.channel.domain.webchat.ChatEvent;
import java.io.IOException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/** A conversation's events written to one client's {@code text/event-stream} response. */
final class SseChatSink implements ChatSink {

    private final SseEmitter emitter;

    private final JsonMapper json;

    SseChatSink(SseEmitter emitter, JsonMapper json) {
        this.emitter = emitter;
        this.json = json;
    }

    @Override
    public void send(ChatEvent event) throws IOException {
        try {
            emitter.send(ChatEventFrames.frame(event, json));
        } catch (IllegalStateException completed) {
            throw new IOException("the stream has ended", completed);
        }
    }

    @Override
    public void heartbeat() throws IOException {
        try {
            emitter.send(ChatEventFrames.heartbeat());
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
