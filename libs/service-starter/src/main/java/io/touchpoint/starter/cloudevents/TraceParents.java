package io.touchpoint.starter.cloudevents;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/**
 * The W3C {@code traceparent} of the span current on this thread, for an event to carry to its consumers: the
 * RabbitMQ listener of a consuming service continues the trace from it (CloudEvents' distributed tracing extension,
 * under the header name W3C propagation reads). Taken when the event is created, since an outbox publishes it later
 * from another thread.
 */
final class TraceParents {

    private TraceParents() {}

    /** {@code 00-<trace id>-<span id>-<flags>}, or null outside any trace. */
    static String current() {
        SpanContext context = Span.current().getSpanContext();
        if (!context.isValid()) {
            return null;
        }
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-"
                + context.getTraceFlags().asHex();
    }
}
