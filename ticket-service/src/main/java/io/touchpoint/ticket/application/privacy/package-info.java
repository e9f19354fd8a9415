/** Erasing a customer's personal data from a tenant's tickets and conversations when the customer asks for it. */
package io.touchpoint.ticket.application.privacy;
