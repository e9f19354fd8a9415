/** Inbound messages with their outbox, consent records and customer windows. */
package io.touchpoint.channel.persistence.inbound;
