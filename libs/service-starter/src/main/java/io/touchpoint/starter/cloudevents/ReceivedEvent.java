package io.touchpoint.starter.cloudevents;

import java.time.Instant;

/** An event a consumer received: the CloudEvent attributes a handler needs and the typed payload. */
public record ReceivedEvent<T>(
        String id, String type, String source, String subject, String tenantId, Instant time, T payload) {}
