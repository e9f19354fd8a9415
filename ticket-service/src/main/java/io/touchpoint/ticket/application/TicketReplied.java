package io.touchpoint.ticket.application;

import java.time.Instant;

/**
 * Published in process when an agent's public reply to a ticket was stored (and will be sent), before the ticket's own
 * change follows: the customer was answered at {@code repliedAt}.
 */
public record TicketReplied(String tenantId, String ticketId, Instant repliedAt) {}
