package io.touchpoint.ticket.domain.sla;

import io.touchpoint.ticket.domain.InvalidFieldException;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * One interval a business is open on a weekday, in its calendar's local time, to the minute. Closing at or before the
 * opening time means closing on the next day: {@code 22:00–06:00} is a night shift, {@code 00:00–00:00} the whole day.
 */
public record OpeningHours(LocalTime opens, LocalTime closes) {

    public static final OpeningHours ALL_DAY = new OpeningHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

    public OpeningHours {
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        if (opens.getSecond() != 0 || opens.getNano() != 0 || closes.getSecond() != 0 || closes.getNano() != 0) {
            throw new InvalidFieldException("openingHours", "opening and closing times are whole minutes (HH:mm)");
        }
    }

    /** Whether it closes on the day after it opens. */
    public boolean overnight() {
        return !closes.isAfter(opens);
    }

    /** How long it is open by the clock on the wall, ignoring daylight saving changes. */
    public Duration length() {
        Duration sameDay = Duration.between(opens, closes);
        return overnight() ? sameDay.plusDays(1) : sameDay;
    }
}
