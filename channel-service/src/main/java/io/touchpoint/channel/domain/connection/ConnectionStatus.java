package io.touchpoint.channel.domain.connection;

/** Whether a connection takes inbound messages and sends outbound ones. */
public enum ConnectionStatus {
    ACTIVE,
    /** Webhooks for it are refused and nothing is sent through it; its messages stay readable. */
    DISABLED
}
