package io.touchpoint.ticket.application.reporting;

import java.util.Locale;

/** What a report's figures are broken down by. */
public enum GroupBy {
    /** The channel the customer wrote in on ({@code sms}, {@code web_chat}, …). */
    CHANNEL,
    /** The team the ticket is with; tickets with none form their own group. */
    TEAM,
    /** The agent the ticket is assigned to; unassigned tickets form their own group. */
    AGENT;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
