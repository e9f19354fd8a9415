/**
 * Service levels: business calendars and the business time they count, SLA policies with their targets and
 * escalation steps, and the clock each ticket runs per target. Plain Java, no Spring, no MongoDB.
 */
package io.touchpoint.ticket.domain.sla;
