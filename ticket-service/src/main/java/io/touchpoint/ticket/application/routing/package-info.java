/**
 * Routing use cases: teams and agents, triage and the bot's first response, assignment within capacity, team queues,
 * the agent's desk (claim, transfer, queue) and inbox stream, with the ports they reach storage through.
 */
package io.touchpoint.ticket.application.routing;
