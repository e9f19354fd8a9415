/**
 * Aggregates, value objects and rules of channel connections, inbound and outbound messages, delivery status and web
 * chat, one sub-package per area; plain Java, no Spring, no MongoDB, no Jackson. {@link io.touchpoint.channel.domain.Ids}
 * makes the ids every area uses.
 */
package io.touchpoint.channel.domain;
