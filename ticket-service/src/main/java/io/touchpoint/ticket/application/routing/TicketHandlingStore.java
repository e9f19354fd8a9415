package io.touchpoint.ticket.application.routing;

import io.touchpoint.ticket.domain.routing.TicketHandling;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** What routing decided about each ticket, one document per ticket under a unique id. */
public interface TicketHandlingStore {

    Optional<TicketHandling> find(String tenantId, String ticketId);

    /** The handlings of those of the tickets that have one, by ticket id. */
    Map<String, TicketHandling> findAll(String tenantId, Collection<String> ticketIds);

    /** Stores {@code handling} unless the ticket has one; returns the one stored, which may be another replica's. */
    TicketHandling createIfAbsent(TicketHandling handling);

    /** Records that the bot answers, if nothing was decided yet. */
    void botAnswers(String tenantId, String ticketId);

    /** Records that a person answers, at escalation level {@code level} or the higher one stored. */
    void personAnswers(String tenantId, String ticketId, int level);
}
