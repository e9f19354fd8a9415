package io.touchpoint.events.ticket;

import io.touchpoint.events.Channel;
import io.touchpoint.events.EventPayload;
import io.touchpoint.events.Handle;
import java.time.Instant;
import java.util.List;

/**
 * A ticket was opened, from an inbound interaction or through the API.
 *
 * @param ticketId the ticket, {@code tkt_…}
 * @param conversationId its conversation, {@code cnv_…}
 * @param profileId the customer's profile ({@code prf_…}), once resolved
 * @param interactionId the inbound message that opened it ({@code msg_…}); absent when created through the API
 * @param channel the channel the customer is on
 * @param connectionId the channel connection replies go through
 * @param requester the customer
 * @param title a short summary (the email subject, or the start of the first message)
 * @param priority its priority
 * @param teamId the team routing put it in, if any yet
 * @param tags labels set by rules or the creator
 * @param slaTargets the deadlines its SLA policy set
 * @param createdAt when it was created
 */
public record TicketCreated(
        String ticketId,
        String conversationId,
        String profileId,
        String interactionId,
        Channel channel,
        String connectionId,
        Handle requester,
        String title,
        Priority priority,
        String teamId,
        List<String> tags,
        List<SlaTarget> slaTargets,
        Instant createdAt)
        implements EventPayload {

    public TicketCreated {
        tags = (tags != null) ? List.copyOf(tags) : List.of();
        slaTargets = (slaTargets != null) ? List.copyOf(slaTargets) : List.of();
    }

    @Override
    public String subject() {
        return this.ticketId;
    }
}
