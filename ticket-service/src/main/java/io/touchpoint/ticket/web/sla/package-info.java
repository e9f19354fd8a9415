/**
 * Service-level settings over HTTP: SLA policies, business calendars, the rule for low feedback ratings, and a ticket's
 * SLA clocks.
 */
package io.touchpoint.ticket.web.sla;
