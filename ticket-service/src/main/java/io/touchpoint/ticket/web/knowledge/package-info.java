/**
 * {@code /v1/tickets/knowledge-base/**} and {@code /v1/tickets/bot-settings}: a tenant's help articles, their search,
 * and how its bot answers customers.
 */
package io.touchpoint.ticket.web.knowledge;
