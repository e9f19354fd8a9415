package io.touchpoint.ticket.domain.routing;

import java.util.List;
import java.util.Objects;

/**
 * What routing decided about one ticket, kept beside it: the triage of the message that opened it, and whether the bot
 * or a person answers.
 *
 * @param openedBy the interaction whose routing decides the first response; a replay of it decides again, identically
 * @param teamId the team a triage rule chose, which a person takes the ticket in
 * @param teamRuleId the rule that chose it
 * @param skills the skills a triage rule asked for
 * @param escalateRuleId the rule that sends the ticket to a person at once, if any
 * @param escalationLevel how often the ticket was escalated; 1 once the bot handed it to a person
 */
public record TicketHandling(
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

    public TicketHandling {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(ticketId, "ticketId");
        handler = handler != null ? handler : Handler.UNDECIDED;
        skills = List.copyOf(skills != null ? skills : List.of());
        ruleIds = List.copyOf(ruleIds != null ? ruleIds : List.of());
    }

    /** A ticket whose first response {@code interactionId} is about to decide, after {@code triage}. */
    public static TicketHandling undecided(String tenantId, String ticketId, String interactionId, Triage triage) {
        return new TicketHandling(
                tenantId,
                ticketId,
                interactionId,
                Handler.UNDECIDED,
                triage.teamId(),
                triage.teamRuleId(),
                triage.skills(),
                triage.escalateRuleId(),
                triage.ruleIds(),
                0);
    }
}
