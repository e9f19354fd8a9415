package io.touchpoint.events;

/**
 * The data of an engagement event: business facts only. The tenant travels in the CloudEvents {@code tenantid}
 * extension, never in the payload. Each payload type belongs to exactly one {@link EventType}.
 */
public interface EventPayload {

    /** The id of the aggregate the event is about (ticket, message, profile…), sent as the CloudEvents subject. */
    String subject();
}
