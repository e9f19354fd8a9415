package io.touchpoint.ticket.application;

import io.touchpoint.ticket.domain.Ticket;

/**
 * Published in process, on the writing thread, after every stored write of a ticket, whoever wrote it (threading, an
 * agent, an automation), with the ticket as stored, at its new version. {@link TicketChanged} is narrower: the changes
 * made through {@link TicketUpdates}, with the ticket before them. A listener must not fail the write it follows: it
 * catches its own errors, and repairs what it missed with the ticket's next write.
 */
public record TicketWritten(Ticket ticket) {}
