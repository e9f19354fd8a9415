package io.touchpoint.channel.application.webchat;

import io.touchpoint.channel.domain.webchat.ChatEvent;
import java.io.IOException;

/** Where a subscription writes a conversation's events: one client's open stream. */
public interface ChatSink {

    /** Writes {@code event}; an {@link IOException} means the client is gone and ends the subscription. */
    void send(ChatEvent event) throws IOException;

    /** Writes something that is not an event, to keep the connection open through proxies and find dead clients. */
    void heartbeat() throws IOException;

    /** Ends the stream; the client reconnects and resumes after the last event it received. */
    void close();
}
