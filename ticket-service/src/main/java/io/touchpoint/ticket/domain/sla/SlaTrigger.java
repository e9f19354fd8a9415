package io.touchpoint.ticket.domain.sla;

import java.util.Locale;

/** The moments of an SLA target that escalation steps act on. */
public enum SlaTrigger {
    /** The policy's warning threshold of the target's time is used up (80 % unless the policy says otherwise). */
    WARNING,
    /** The target passed without being met. */
    BREACH;

    /** The name the API uses: {@code warning}, {@code breach}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
