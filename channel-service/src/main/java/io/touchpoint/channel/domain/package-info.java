/** Aggregates, value objects and rules of channel connections and secrets, inbound and outbound messages, delivery status and partner webhooks: plain Java, no Spring, no MongoDB, no Jackson. */
package io.touchpoint.channel.domain;
