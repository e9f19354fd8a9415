/** SLA policies, business calendars, SLA timers and escalation levels in MongoDB. */
package io.touchpoint.ticket.persistence.sla;
