package io.touchpoint.channel.web.chat;

import io.touchpoint.channel.application.webchat.ChatSubscription;
import io.touchpoint.channel.application.webchat.WebChatConversations;
import io.touchpoint.channel.application.webchat.WebChatConversations.VisitorAccess;
import io.touchpoint.channel.application.webchat.WebChatStream;
import io.touchpoint.starter.problem.ProblemException;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /public/chat/conversations/{id}/events}: the conversation as server-sent events, for {@code EventSource}.
 * Every event carries its sequence as {@code id:}; a reconnect with {@code Last-Event-ID} (which {@code EventSource}
 * sends by itself) or {@code ?after=} first gets every stored event after it, then the new ones as they come, with
 * nothing missed and nothing twice. Without either, the stream starts at the conversation's first event. The token may
 * be given as {@code ?token=}, since {@code EventSource} cannot set headers.
 */
@RestController
class WebChatEventsController {

    static final String LAST_EVENT_ID = "Last-Event-ID";

    /** No server-side timeout: the stream lasts until the client goes, heartbeats keep proxies from cutting it. */
    private static final long NO_TIMEOUT = 0L;

    private final WebChatConversations conversations;

    private final WebChatStream stream;

    private final JsonMapper json;

    WebChatEventsController(WebChatConversations conversations, WebChatStream stream, JsonMapper json) {
        this.conversations = conversations;
        this.stream = stream;
        this.json = json;
    }

    @GetMapping(WebChatController.BASE_PATH + "/conversations/{conversationId}/events")
    ResponseEntity<SseEmitter> events(
            @PathVariable String conversationId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam(name = "token", required = false) String token,
            @RequestHeader(name = LAST_EVENT_ID, required = false) String lastEventId,
            @RequestParam(name = "after", required = false) String after) {
        VisitorAccess access = conversations.access(VisitorCredentials.token(authorization, token), conversationId);
        // Last-Event-ID wins: EventSource reconnects to the URL it was opened with, ?after= and all.
        long resumeAfter = lastEventId != null ? sequence(LAST_EVENT_ID, lastEventId) : sequence("after", after);
        SseEmitter emitter = new SseEmitter(NO_TIMEOUT);
        try {
            emitter.send(ChatEventFrames.opening());
        } catch (IOException notYetSent) {
            // cannot happen before the emitter is returned: it is only buffered
        }
        ChatSubscription subscription =
                stream.subscribe(access.conversation(), resumeAfter, new SseChatSink(emitter, json));
        emitter.onCompletion(subscription::close);
        emitter.onTimeout(subscription::close);
        emitter.onError(error -> subscription.close());
        return ResponseEntity.ok()
                .header(HttpHeaders.CACHE_CONTROL, "no-cache, no-store")
                // nginx and similar proxies would otherwise hold events back in their buffers
                .header("X-Accel-Buffering", "no")
                .body(emitter);
    }

    private static long sequence(String name, String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            long sequence = Long.parseLong(value.trim());
            if (sequence >= 0) {
                return sequence;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ProblemException(
                HttpStatus.BAD_REQUEST, "invalid_parameter", name + " must be the id of an event of this stream.");
    }
}
