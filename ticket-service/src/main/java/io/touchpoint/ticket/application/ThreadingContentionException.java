package io.touchpoint.ticket.application;

/** A message could not be threaded because its tickets kept changing; the message is retried later. */
public class ThreadingContentionException extends RuntimeException {

    public ThreadingContentionException(String message) {
        super(message);
    }
}
