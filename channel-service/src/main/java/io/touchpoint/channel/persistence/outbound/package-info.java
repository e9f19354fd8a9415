/** Outbound messages with their delivery state and outbox, and the leased queue the delivery worker claims from. */
package io.touchpoint.channel.persistence.outbound;
