package io.touchpoint.ticket.application;

import io.touchpoint.events.Actor;
import io.touchpoint.events.ticket.TicketResolved.Resolution;
import io.touchpoint.starter.problem.NotFoundException;
import io.touchpoint.ticket.domain.EditTicket;
import io.touchpoint.ticket.domain.Ticket;
import io.touchpoint.ticket.domain.TicketMessage;
import io.touchpoint.ticket.domain.TicketStatus;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;

/** Reading a tenant's tickets and changing their working fields and status. */
@Service
public class TicketManagement {

    private final TicketStore tickets;

    private final TicketMessageStore messages;

    private final TicketUpdates updates;

    private final CustomFieldDefinitions fields;

    private final Clock clock;

    public TicketManagement(
            TicketStore tickets,
            TicketMessageStore messages,
            TicketUpdates updates,
            CustomFieldDefinitions fields,
            Clock clock) {
        this.tickets = tickets;
        this.messages = messages;
        this.updates = updates;
        this.fields = fields;
        this.clock = clock;
    }

    public Ticket get(String tenantId, String id) {
        return updates.get(tenantId, id);
    }

    public List<Ticket> search(TicketSearch search, int limit) {
        return tickets.search(search, limit);
    }

    /** The ticket's messages and those of the tickets merged into it, oldest first. */
    public List<TicketMessage> messages(String tenantId, Ticket ticket, String after, int limit) {
        return messages.page(tenantId, ticket.messageSources(), after, limit);
    }

    /** One message of the ticket or of a ticket merged into it; 404 for any other. */
    public TicketMessage message(String tenantId, Ticket ticket, String messageId) {
        return messages.find(tenantId, messageId)
                .filter(message -> ticket.messageSources().contains(message.ticketId()))
                .orElseThrow(() -> new NotFoundException(
                        "message_not_found", "No message " + messageId + " on ticket " + ticket.id() + "."));
    }

    public String position(TicketMessage message) {
        return messages.position(message);
    }

    /** Changes priority, title, tags, custom fields (typed by the tenant's definitions) or assignment. */
    public Ticket edit(String tenantId, String id, EditTicket edit, Actor actor, Long expectedVersion) {
        EditTicket typed = new EditTicket(
                edit.title(),
                edit.priority(),
                edit.tags(),
                fields.conform(tenantId, edit.customFields()),
                edit.teamId(),
                edit.assigneeId());
        return updates.modify(tenantId, id, expectedVersion, ticket -> ticket.edit(typed, actor, clock.instant()));
    }

    /**
     * Moves the ticket to {@code status}.
     *
     * @param resolution how it ended, when resolving; solved when null
     */
    public Ticket moveTo(
            String tenantId, String id, TicketStatus status, Resolution resolution, Actor actor, Long expectedVersion) {
        return updates.modify(
                tenantId, id, expectedVersion, ticket -> ticket.moveTo(status, resolution, actor, clock.instant()));
    }
}
