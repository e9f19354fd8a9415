/**
 * Use cases and the ports they own, one sub-package per area; orchestrates the domain, knows no HTTP, AMQP or
 * MongoDB types. {@code connection}: a tenant's channel accounts; {@code inbound}: storing customers' messages from
 * every channel, webhook authentication, opt-outs and customer windows; {@code outbound}: queueing and delivering
 * replies and survey invitations, receipts; {@code webchat}: the chat widget's conversations and live streams;
 * {@code email}: routing and threading of inbound mail.
 */
package io.touchpoint.channel.application;
