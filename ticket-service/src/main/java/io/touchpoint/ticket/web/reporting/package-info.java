/** Ticket reports over HTTP. */
package io.touchpoint.ticket.web.reporting;
