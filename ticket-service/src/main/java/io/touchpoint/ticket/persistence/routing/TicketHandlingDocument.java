package io.touchpoint.ticket.persistence.routing;

import io.touchpoint.ticket.domain.routing.Handler;
import io.touchpoint.ticket.domain.routing.TicketHandling;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** What routing decided about a ticket, under {@code tenant|ticket}, beside the ticket rather than in it. */
@Document(TicketHandlingDocument.COLLECTION)
record TicketHandlingDocument(
        @Id String id,
        String tenantId,
        String ticketId,
        String openedBy,
        Handler handler,
        String teamId,
        String teamRuleId,
        List<String> skills,
        String escalateRuleId,
        List<String> ruleIds,
        int escalationLevel) {

    static final String COLLECTION = "ticket_routing";

    static String key(String tenantId, String ticketId) {
        return tenantId + "|" + ticketId;
    }

    static TicketHandlingDocument of(TicketHandling handling) {
        return new TicketHandlingDocument(
                key(handling.tenantId(), handling.ticketId()),
                handling.tenantId(),
                handling.ticketId(),
                handling.openedBy(),
                handling.handler(),
                handling.teamId(),
                handling.teamRuleId(),
                handling.skills(),
                handling.escalateRuleId(),
                handling.ruleIds(),
                handling.escalationLevel());
    }

    TicketHandling toHandling() {
        return new TicketHandling(
                tenantId,
                ticketId,
                openedBy,
                handler,
                teamId,
                teamRuleId,
                skills,
                escalateRuleId,
                ruleIds,
                escalationLevel);
    }
}
