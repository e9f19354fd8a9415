/** Erasing a customer's personal data from tickets: what it is replaced with. Plain Java. */
package io.touchpoint.ticket.domain.privacy;
