package io.touchpoint.channel.application.webchat;

/** A client's subscription to a conversation's events; see {@link WebChatSubscriptions}. */
public interface ChatSubscription {

    /** Stops writing to the client; called when its stream ended. Closing twice does nothing. */
    void close();

    /** The sequence of the last event written to the client. */
    long lastSequence();
}
