package io.touchpoint.starter.cloudevents;

/** The broker did not confirm an event within the confirm timeout, or refused it. */
public class EventPublishingException extends RuntimeException {

    public EventPublishingException(String message) {
        super(message);
    }

    public EventPublishingException(String message, Throwable cause) {
        super(message, cause);
    }
}
