/** Outbound delivery: {@code reply.requested}/{@code survey.requested} become queued messages, the worker sends them per channel lane through a {@link io.touchpoint.channel.application.outbound.ChannelSender}, and provider receipts move them on. */
package io.touchpoint.channel.application.outbound;
