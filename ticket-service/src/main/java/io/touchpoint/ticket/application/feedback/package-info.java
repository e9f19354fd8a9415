/** Customers' ratings of tickets: the tenant's rule for low ones, and reopening or escalating the rated ticket. */
package io.touchpoint.ticket.application.feedback;
