package io.touchpoint.channel.application;

import java.util.Locale;

/** How enum values (channels, statuses, outcomes) appear in metric tags and log lines: {@code web_chat}, {@code sms}. */
public final class MetricTags {

    private MetricTags() {}

    /** {@code value}'s name in lower case, as the event contract spells channels. */
    public static String tag(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
