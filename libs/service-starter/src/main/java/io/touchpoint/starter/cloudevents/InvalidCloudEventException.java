package io.touchpoint.starter.cloudevents;

/** A received message is not a CloudEvent Touchpoint can handle; retrying will not help, dead-letter it. */
public class InvalidCloudEventException extends RuntimeException {

    public InvalidCloudEventException(String message) {
        super(message);
    }

    public InvalidCloudEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
