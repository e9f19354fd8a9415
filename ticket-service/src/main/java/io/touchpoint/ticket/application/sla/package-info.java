/**
 * Service levels as use cases: SLA policies and business calendars, the clocks tickets run against their targets, and
 * the scheduler that warns, breaches and escalates, once, whatever the number of replicas.
 */
package io.touchpoint.ticket.application.sla;
