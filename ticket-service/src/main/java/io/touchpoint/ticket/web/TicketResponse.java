package io.touchpoint.ticket.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.touchpoint.events.Channel;
import io.touchpoint.events.Handle;
import io.touchpoint.events.ticket.Priority;
import io.touchpoint.ticket.domain.Ticket;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A ticket as the API shows it.
 *
 * @param messages on a single ticket only: its first messages, oldest first
 * @param messagesNext the cursor of the messages after those, for {@code GET /v1/tickets/{id}/messages?after=}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TicketResponse(
        String id,
        String conversationId,
        String status,
        Priority priority,
        String title,
        Channel channel,
        String connectionId,
        Handle requester,
        String profileId,
        String language,
        String teamId,
        String assigneeId,
        List<String> tags,
        Map<String, Object> customFields,
        int reopenCount,
        Instant lastCustomerMessageAt,
        Instant firstResponseAt,
        Instant resolvedAt,
        String mergedInto,
        List<String> mergedFrom,
        long version,
        Instant createdAt,
        Instant updatedAt,
        List<MessageResponse> messages,
        String messagesNext) {

    public static TicketResponse of(Ticket ticket) {
        return of(ticket, null);
    }

    static TicketResponse of(Ticket ticket, PageResponse<MessageResponse> messages) {
        return new TicketResponse(
                ticket.id(),
                ticket.conversationId(),
                ticket.status().apiName(),
                ticket.priority(),
                ticket.title(),
                ticket.requester().channel(),
                ticket.requester().connectionId(),
                ticket.requester().handle(),
                ticket.requester().profileId(),
                ticket.requester().language(),
                ticket.assignment().teamId(),
                ticket.assignment().assigneeId(),
                ticket.tags(),
                CustomFieldJson.toJson(ticket.customFields()),
                ticket.milestones().reopenCount(),
                ticket.milestones().lastCustomerMessageAt(),
                ticket.milestones().firstResponseAt(),
                ticket.milestones().resolvedAt(),
                ticket.mergedInto(),
                ticket.mergedFrom(),
                ticket.version(),
                ticket.createdAt(),
                ticket.updatedAt(),
                messages != null ? messages.data() : null,
                messages != null ? messages.next() : null);
    }
}
