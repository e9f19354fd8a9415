package io.touchpoint.ticket.application.routing;

import io.touchpoint.ticket.domain.routing.InboxEvent;
import java.io.IOException;

/** Where a subscription writes an agent's inbox events: one client's open stream. */
public interface InboxSink {

    /** Writes {@code event}; an {@link IOException} means the client is gone and ends the subscription. */
    void send(InboxEvent event) throws IOException;

    /** Writes something that is not an event, to keep the connection open through proxies and find dead clients. */
    void heartbeat() throws IOException;

    /** Ends the stream; the client reconnects and resumes after the last event it received. */
    void close();
}
