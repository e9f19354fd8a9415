/**
 * The self-service side of support: a tenant's knowledge-base articles, its bot settings, and the bot's first-response
 * decision (answer with an article, or hand over to a person). Plain Java, no Spring, no MongoDB, no Lucene.
 */
package io.touchpoint.ticket.domain.knowledge;
