package io.touchpoint.ticket.application.routing;

/** A client's subscription to an agent's inbox; see {@link InboxSubscriptions}. */
public interface InboxSubscription {

    /** Stops writing to the client; called when its stream ended. Closing twice does nothing. */
    void close();

    /** The sequence of the last event written to the client. */
    long lastSequence();
}
