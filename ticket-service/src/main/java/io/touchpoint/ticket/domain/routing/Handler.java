package io.touchpoint.ticket.domain.routing;

import java.util.Locale;

/** Who answers a ticket's customer. */
public enum Handler {
    /** Not decided yet: the message that opened the ticket is being routed. */
    UNDECIDED,
    /** The bot answered and no person is needed so far; the customer's next message asks the bot again. */
    BOT,
    /** A person: the ticket is with a team's queue or an agent, or left for agents to pick up. */
    PERSON;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
