/**
 * Routing in MongoDB: teams, agents, agent loads (capacity claims), round-robin cursors, routing settings, per-ticket
 * handling and agent inbox streams. Every hot path is a write or lookup by {@code _id} or a unique key.
 */
package io.touchpoint.ticket.persistence.routing;
