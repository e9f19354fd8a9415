package io.touchpoint.channel.application.webchat;

import java.time.Instant;

/**
 * What a visitor token proves: its bearer is visitor {@code visitorId} of conversation {@code conversationId} on
 * {@code tenantId}'s chat widget {@code connectionId}, until {@code expiresAt}.
 */
public record VisitorToken(
        String tenantId, String connectionId, String conversationId, String visitorId, Instant expiresAt) {}
