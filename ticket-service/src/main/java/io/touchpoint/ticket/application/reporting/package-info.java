/** Reports over a tenant's tickets: volumes and response and resolution times, per channel, team or agent. */
package io.touchpoint.ticket.application.reporting;
