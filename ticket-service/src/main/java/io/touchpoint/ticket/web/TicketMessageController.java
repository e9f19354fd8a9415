package io.touchpoint.ticket.web;

import io.touchpoint.tenancy.TenantContext;
import io.touchpoint.ticket.application.TicketManagement;
import io.touchpoint.ticket.application.TicketReplies;
import io.touchpoint.ticket.application.TicketReplies.ReplyToTicket;
import io.touchpoint.ticket.domain.Ticket;
import io.touchpoint.ticket.domain.TicketMessage;
import io.touchpoint.ticket.domain.TicketStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/tickets/{id}/messages|replies|notes}: a ticket's conversation, and agents writing on it. */
@RestController
@RequestMapping("/v1/tickets/{id}")
class TicketMessageController {

    private final TicketManagement tickets;

    private final TicketReplies replies;

    TicketMessageController(TicketManagement tickets, TicketReplies replies) {
        this.tickets = tickets;
        this.replies = replies;
    }

    /** The messages of the ticket and of the tickets merged into it, oldest first. */
    @GetMapping("/messages")
    PageResponse<MessageResponse> messages(
            TenantContext tenant,
            @PathVariable String id,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) String after) {
        Ticket ticket = tickets.get(tenant.tenantId(), id);
        return PageResponse.of(
                tickets.messages(tenant.tenantId(), ticket, Cursor.decode(after), limit + 1),
                limit,
                tickets::position,
                MessageResponse::of);
    }

    @GetMapping("/messages/{messageId}")
    MessageResponse message(TenantContext tenant, @PathVariable String id, @PathVariable String messageId) {
        Ticket ticket = tickets.get(tenant.tenantId(), id);
        return MessageResponse.of(tickets.message(tenant.tenantId(), ticket, messageId));
    }

    /**
     * Replies to the customer on the ticket's channel: channel-service is asked to send it ({@code reply.requested})
     * and reports back with {@code message.delivered} or {@code message.failed}.
     */
    @PostMapping("/replies")
    ResponseEntity<MessageResponse> reply(
            TenantContext tenant, @PathVariable String id, @Valid @RequestBody CreateReplyRequest request) {
        Scopes.requireWrite(tenant);
        TicketMessage reply = replies.reply(tenant.tenantId(), id, request.toCommand(), TicketController.actor(tenant));
        return ResponseEntity.created(URI.create("/v1/tickets/" + id + "/messages/" + reply.id()))
                .body(MessageResponse.of(reply));
    }

    /** Adds an internal note, never shown to the customer. */
    @PostMapping("/notes")
    ResponseEntity<MessageResponse> note(
            TenantContext tenant, @PathVariable String id, @Valid @RequestBody AddNoteRequest request) {
        Scopes.requireWrite(tenant);
        TicketMessage note = replies.note(tenant.tenantId(), id, request.text(), TicketController.actor(tenant));
        return ResponseEntity.created(URI.create("/v1/tickets/" + id + "/messages/" + note.id()))
                .body(MessageResponse.of(note));
    }

    /**
     * A reply: its own {@code text} (and for email optionally {@code html} and {@code subjectLine}), or a
     * {@code cannedResponseId} filled in for the ticket.
     *
     * @param status the status the ticket moves to with the reply, typically {@code pending}; from new to open when
     *     absent
     */
    record CreateReplyRequest(
            @Size(max = 20_000) String text,
            @Size(max = 200_000) String html,
            @Size(max = 300) String subjectLine,
            @Size(max = 128) String cannedResponseId,
            @Pattern(
                            regexp = "open|pending|on_hold|resolved",
                            message = "must be one of open, pending, on_hold, resolved")
                    String status) {

        ReplyToTicket toCommand() {
            return new ReplyToTicket(
                    text,
                    html,
                    subjectLine,
                    cannedResponseId,
                    status != null ? TicketStatus.valueOf(WebConfiguration.upper(status)) : null);
        }
    }

    record AddNoteRequest(@NotBlank @Size(max = 20_000) String text) {}
}
