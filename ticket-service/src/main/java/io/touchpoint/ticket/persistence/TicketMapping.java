package io.touchpoint.ticket.persistence;

import io.touchpoint.starter.outbox.OutboxEvent;
import io.touchpoint.ticket.domain.Assignment;
import io.touchpoint.ticket.domain.Milestones;
import io.touchpoint.ticket.domain.ReplyThreading;
import io.touchpoint.ticket.domain.Ticket;
import java.util.List;

/** Between the domain's {@link Ticket} and its stored form. */
final class TicketMapping {

    private TicketMapping() {}

    static TicketDocument toDocument(Ticket ticket, List<OutboxEvent> outbox, List<String> appliedEvents) {
        return new TicketDocument(
                ticket.id(),
                ticket.tenantId(),
                ticket.conversationId(),
                ticket.status(),
                ticket.priority(),
                ticket.title(),
                ticket.requester(),
                ticket.assignment().teamId(),
                ticket.assignment().assigneeId(),
                ticket.tags(),
                CustomFieldValues.toBson(ticket.customFields()),
                ticket.milestones().lastCustomerMessageAt(),
                ticket.milestones().firstResponseAt(),
                ticket.milestones().resolvedAt(),
                ticket.milestones().reopenCount(),
                ticket.replyThreading().inReplyTo(),
                ticket.replyThreading().references(),
                ticket.mergedInto(),
                ticket.mergedFrom(),
                ticket.version(),
                ticket.createdAt(),
                ticket.updatedAt(),
                outbox,
                appliedEvents);
    }

    static Ticket toTicket(TicketDocument document) {
        return new Ticket(
                document.id(),
                document.tenantId(),
                document.conversationId(),
                document.status(),
                document.priority(),
                document.title(),
                document.requester(),
                new Assignment(document.teamId(), document.assigneeId()),
                document.tags(),
                CustomFieldValues.fromBson(document.customFields()),
                new Milestones(
                        document.lastCustomerMessageAt(),
                        document.firstResponseAt(),
                        document.resolvedAt(),
                        document.reopenCount()),
                new ReplyThreading(document.inReplyTo(), document.references()),
                document.mergedInto(),
                document.mergedFrom(),
                document.version(),
                document.createdAt(),
                document.updatedAt());
    }
}
