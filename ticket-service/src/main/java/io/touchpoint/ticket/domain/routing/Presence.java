package io.touchpoint.ticket.domain.routing;

import java.util.Locale;

/** Whether an agent takes new tickets: only {@code ONLINE} agents are assigned any. */
public enum Presence {
    ONLINE,
    AWAY,
    OFFLINE;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
