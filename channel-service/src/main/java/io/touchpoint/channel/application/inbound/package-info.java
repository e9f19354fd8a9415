/** Inbound messages of every channel: the webhook gate and signatures, storing once with {@code interaction.received}, opt-out keywords and the customer-service windows they open. */
package io.touchpoint.channel.application.inbound;
