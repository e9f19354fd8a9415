package io.touchpoint.ticket.domain;

import io.touchpoint.events.Channel;
import io.touchpoint.events.Handle;
import java.util.Objects;

/**
 * The customer a ticket is for, and where replies to them go.
 *
 * @param connectionId the channel connection the customer wrote in on, and replies go out through
 * @param handle how the customer is reached on that channel
 * @param profileId the customer's profile ({@code prf_…}) once profile-service resolved it
 * @param language BCP 47 tag of the conversation, if known
 */
public record Requester(Channel channel, String connectionId, Handle handle, String profileId, String language) {

    public Requester {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(handle, "handle");
    }
}
