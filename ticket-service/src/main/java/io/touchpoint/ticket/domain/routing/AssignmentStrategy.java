package io.touchpoint.ticket.domain.routing;

import java.util.Locale;

/** How a team picks one of the agents who could take a ticket. */
public enum AssignmentStrategy {
    /** Each in turn, by a cursor the team advances with every assignment. */
    ROUND_ROBIN,
    /** The one with the fewest open tickets; the most free capacity breaks a tie. */
    LEAST_LOADED;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
