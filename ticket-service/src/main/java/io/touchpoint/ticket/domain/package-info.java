/** Aggregates, value objects and rules of tickets and conversations, queues, teams and agents, SLA policies, routing and escalation: plain Java, no Spring, no MongoDB, no Jackson. */
package io.touchpoint.ticket.domain;
