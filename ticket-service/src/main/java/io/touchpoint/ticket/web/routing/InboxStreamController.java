package io.touchpoint.ticket.web.routing;

import io.touchpoint.starter.problem.ProblemException;
import io.touchpoint.tenancy.TenantContext;
import io.touchpoint.ticket.application.routing.AgentInbox;
import io.touchpoint.ticket.application.routing.Agents;
import io.touchpoint.ticket.application.routing.InboxSubscription;
import io.touchpoint.ticket.domain.routing.Agent;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /v1/tickets/realtime/inbox}: the calling agent's inbox as server-sent events, for the agent console:
 * tickets given to them ({@code assigned}) or taken away ({@code unassigned}), customers writing on their tickets
 * ({@code message}), their tickets' status changing ({@code status}). Every event carries its sequence as {@code id:};
 * a reconnect with {@code Last-Event-ID} (or {@code ?after=}) gets every event after it first, then the new ones, with
 * nothing missed and nothing twice, on any replica. Without either, the stream starts at the agent's first event. The
 * gateway routes {@code /v1/tickets/realtime/**} without a timeout; the stream has none either.
 */
@RestController
class InboxStreamController {

    static final String LAST_EVENT_ID = "Last-Event-ID";

    private static final long NO_TIMEOUT = 0L;

    private final Agents agents;

    private final AgentInbox inbox;

    private final JsonMapper json;

    InboxStreamController(Agents agents, AgentInbox inbox, JsonMapper json) {
        this.agents = agents;
        this.inbox = inbox;
        this.json = json;
    }

    @GetMapping("/v1/tickets/realtime/inbox")
    ResponseEntity<SseEmitter> inbox(
            TenantContext tenant,
            @RequestHeader(name = LAST_EVENT_ID, required = false) String lastEventId,
            @RequestParam(name = "after", required = false) String after) {
        Agent me = agents.me(tenant.tenantId(), tenant.principal());
        // Last-Event-ID wins: EventSource reconnects to the URL it was opened with, ?after= and all.
        long resumeAfter = lastEventId != null ? sequence(LAST_EVENT_ID, lastEventId) : sequence("after", after);
        SseEmitter emitter = new SseEmitter(NO_TIMEOUT);
        try {
            emitter.send(InboxFrames.opening());
        } catch (IOException notYetSent) {
            // cannot happen before the emitter is returned: it is only buffered
        }
        InboxSubscription subscription =
                inbox.subscribe(tenant.tenantId(), me.id(), resumeAfter, new SseInboxSink(emitter, json));
        emitter.onCompletion(subscription::close);
        emitter.onTimeout(subscription::close);
        emitter.onError(error -> subscription.close());
        return ResponseEntity.ok()
                .header(HttpHeaders.CACHE_CONTROL, "no-cache, no-store")
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
