/**
 * Knowledge articles and bot settings in MongoDB, and the Lucene indexes that search the articles: one in-memory index
 * per tenant, rebuilt from MongoDB whenever the tenant's revision counter shows a write it has not seen.
 */
package io.touchpoint.ticket.persistence.knowledge;
