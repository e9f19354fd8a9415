package io.touchpoint.ticket.domain;

import java.util.Objects;

/**
 * Something an inbound message can name that leads to the ticket it belongs to: its conversation, an email it
 * answers, a reply of ours it answers, or its sender on a channel connection.
 */
public record ThreadKey(Kind kind, String value) {

    public ThreadKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    public enum Kind {
        /** A conversation id ({@code cnv_…}) the channel gave the message. */
        CONVERSATION,
        /** The {@code Message-ID} of a customer email on a ticket. */
        EMAIL,
        /** The id ({@code rpl_…}) of an agent reply on a ticket, as it shows in our outbound {@code Message-ID}s. */
        REPLY,
        /** A customer handle on a channel connection: the customer's latest ticket there. */
        HANDLE
    }
}
