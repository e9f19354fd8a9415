/**
 * Who works on which ticket: teams and agents, their skills, channels, capacity and presence, the tenant's triage
 * rules, how a team picks an agent, and what the bot and routing decided about each ticket. Plain Java.
 */
package io.touchpoint.ticket.domain.routing;
