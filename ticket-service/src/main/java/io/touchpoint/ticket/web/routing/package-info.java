/**
 * {@code /v1/tickets/teams}, {@code /v1/tickets/agents}, {@code /v1/tickets/routing-settings}, claiming and
 * transferring tickets, and the agent inbox stream {@code /v1/tickets/realtime/inbox}.
 */
package io.touchpoint.ticket.web.routing;
