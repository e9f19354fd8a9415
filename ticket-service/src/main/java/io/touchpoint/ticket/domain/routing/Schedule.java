package io.touchpoint.ticket.domain.routing;

import io.touchpoint.ticket.domain.InvalidFieldException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * Weekdays and hours in a time zone, such as Monday to Friday 09:00–17:00 in Europe/Berlin. An end before the start
 * spans midnight (22:00–06:00), and belongs to the day it starts on.
 *
 * @param days the weekdays; empty for every day
 * @param from the first minute, inclusive
 * @param to the end, exclusive; equal to {@code from} for the whole day
 * @param outside whether the condition holds outside these hours instead of within them
 */
public record Schedule(String timeZone, Set<DayOfWeek> days, LocalTime from, LocalTime to, boolean outside) {

    public Schedule {
        if (timeZone == null) {
            throw new InvalidFieldException("schedule.timeZone", "is required");
        }
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new InvalidFieldException("schedule.timeZone", "'" + timeZone + "' is not an IANA time zone");
        }
        days = days == null || days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
        from = from != null ? from : LocalTime.MIDNIGHT;
        to = to != null ? to : LocalTime.MIDNIGHT;
    }

    /** Whether {@code at} falls within the hours, or outside them when {@link #outside()}. */
    public boolean matches(Instant at) {
        return within(at) != outside;
    }

    private boolean within(Instant at) {
        ZonedDateTime local = at.atZone(ZoneId.of(timeZone));
        LocalTime time = local.toLocalTime();
        if (from.equals(to)) {
            return onDay(local.getDayOfWeek());
        }
        if (from.isBefore(to)) {
            return onDay(local.getDayOfWeek()) && !time.isBefore(from) && time.isBefore(to);
        }
        // Spans midnight: the evening part belongs to today, the morning part to yesterday's span.
        return !time.isBefore(from)
                ? onDay(local.getDayOfWeek())
                : time.isBefore(to) && onDay(local.getDayOfWeek().minus(1));
    }

    private boolean onDay(DayOfWeek day) {
        return days.isEmpty() || days.contains(day);
    }
}
