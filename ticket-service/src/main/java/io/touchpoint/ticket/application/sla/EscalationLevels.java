package io.touchpoint.ticket.application.sla;

/** How many escalation levels each ticket has been raised so far. */
public interface EscalationLevels {

    /**
     * Reserves the next {@code count} levels of the ticket for the escalation named {@code mark}, and returns the
     * first: 1 for a ticket never escalated. Reserving again for the same mark returns the same levels, so replicas
     * racing to apply one escalation (of which only one write wins) all announce the same level; levels are skipped
     * only when a reserved escalation is then not applied at all (the ticket was closed meanwhile).
     */
    int reserve(String tenantId, String ticketId, String mark, int count);
}
