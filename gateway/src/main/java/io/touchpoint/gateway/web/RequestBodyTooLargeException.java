package io.touchpoint.gateway.web;

/**
 * Raised inside a request body's stream when it passes the size limit, once part of it may already be on its way to the
 * service. The client's fault, not the service's: circuit breakers ignore it, and their fallbacks let it through to
 * the limit's 413.
 */
public final class RequestBodyTooLargeException extends RuntimeException {

    public RequestBodyTooLargeException(long limit) {
        super("request body larger than " + limit + " bytes", null, false, false);
    }
}
