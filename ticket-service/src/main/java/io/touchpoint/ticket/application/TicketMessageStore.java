package io.touchpoint.ticket.application;

import io.touchpoint.events.reply.ReplyRequested;
import io.touchpoint.ticket.domain.TicketMessage;
import java.util.List;
import java.util.Optional;

/** Where the messages of tickets are kept. */
public interface TicketMessageStore {

    /** Stores a customer message; storing it again changes nothing, so it is safe to repeat. */
    void saveCustomerMessage(String tenantId, TicketMessage message);

    /** Stores a reply together with the request to send it, in one write. */
    void insertReply(String tenantId, TicketMessage reply, ReplyRequested request);

    void insertNote(String tenantId, TicketMessage note);

    Optional<TicketMessage> find(String tenantId, String id);

    /** The ticket a stored message is on (reads nothing else of it). */
    Optional<String> ticketOf(String tenantId, String id);

    /**
     * Messages of the given tickets in the order they were written, after {@code after} (a position from {@link
     * #position}, exclusive, may be null), at most {@code limit}.
     */
    List<TicketMessage> page(String tenantId, List<String> ticketIds, String after, int limit);

    /** Where a message sits in its ticket's order, for cursors. */
    String position(TicketMessage message);
}
