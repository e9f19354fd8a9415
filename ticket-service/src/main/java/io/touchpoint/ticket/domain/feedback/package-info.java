/** What a tenant does about a customer's low rating of a ticket: the rule, and the change it makes. Plain Java. */
package io.touchpoint.ticket.domain.feedback;
