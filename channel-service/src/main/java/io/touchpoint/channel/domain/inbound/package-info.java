/** A customer's message as every channel adapter normalises it, and the rules it triggers: consent keywords, WhatsApp's customer-service window. */
package io.touchpoint.channel.domain.inbound;
