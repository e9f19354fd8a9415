package io.touchpoint.ticket.domain.sla;

import io.touchpoint.ticket.domain.InvalidFieldException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * When a business is open: weekly opening hours in a time zone, minus holidays. Counts <em>business time</em>, the
 * time that passes while it is open.
 *
 * <p>Opening hours are wall-clock times of the calendar's zone; the time counted is real elapsed time, so a day open
 * {@code 00:00–00:00} counts 23 hours on the day clocks spring forward and 25 on the day they fall back. An opening or
 * closing time that does not exist on a day (in the gap when clocks spring forward) moves later by the length of the
 * gap, as {@link ZonedDateTime#of} does (02:30 becomes 03:30); one that exists twice (when clocks fall back) is its
 * first occurrence. A night shift belongs to the day it
 * starts on: on a holiday it does not start, on the day after a holiday it runs into, it still ends.
 *
 * @param week the opening hours of each weekday, in order; a day that is absent is closed
 * @param holidays dates, in the calendar's zone, on which it does not open
 */
public record BusinessHours(ZoneId zone, Map<DayOfWeek, List<OpeningHours>> week, Set<LocalDate> holidays) {

    /** Open around the clock, every day: what a policy without a calendar counts in. */
    public static final BusinessHours ALWAYS =
            new BusinessHours(ZoneOffset.UTC, everyDay(OpeningHours.ALL_DAY), Set.of());

    public static final int MAX_HOLIDAYS = 1000;

    public static final int MAX_INTERVALS_PER_DAY = 10;

    /** How far ahead a deadline is searched for; a calendar closed for longer has none. */
    private static final int MAX_DAYS_SEARCHED = 5 * 366;

    public BusinessHours {
        Objects.requireNonNull(zone, "zone");
        Map<DayOfWeek, List<OpeningHours>> sorted = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            List<OpeningHours> hours = new ArrayList<>(week != null ? week.getOrDefault(day, List.of()) : List.of());
            hours.forEach(interval -> Objects.requireNonNull(interval, "opening hours"));
            hours.sort(Comparator.comparing(OpeningHours::opens));
            if (hours.size() > MAX_INTERVALS_PER_DAY) {
                throw new InvalidFieldException(
                        "openingHours", "at most " + MAX_INTERVALS_PER_DAY + " intervals a day");
            }
            sorted.put(day, List.copyOf(hours));
        }
        week = Collections.unmodifiableMap(sorted);
        holidays = Set.copyOf(holidays != null ? holidays : Set.of());
        if (holidays.size() > MAX_HOLIDAYS) {
            throw new InvalidFieldException("holidays", "at most " + MAX_HOLIDAYS + " holidays");
        }
        requireNoOverlaps(week);
    }

    /** The holidays in date order. */
    public List<LocalDate> holidaysInOrder() {
        return List.copyOf(new TreeSet<>(holidays));
    }

    /**
     * The instant at which {@code businessTime} of open time will have passed since {@code start}. Zero business time
     * is due at {@code start} itself; otherwise the deadline always lies within opening hours (or at a closing time).
     *
     * @throws IllegalStateException if the calendar is not open for that long within five years
     */
    public Instant plus(Instant start, Duration businessTime) {
        if (businessTime.isNegative()) {
            throw new IllegalArgumentException("negative business time " + businessTime);
        }
        if (businessTime.isZero()) {
            return start;
        }
        Duration remaining = businessTime;
        LocalDate day = LocalDate.ofInstant(start, zone).minusDays(1);
        for (int searched = 0; searched < MAX_DAYS_SEARCHED; searched++, day = day.plusDays(1)) {
            for (Window window : windowsOn(day)) {
                if (!window.end().isAfter(start)) {
                    continue;
                }
                Instant from = window.start().isAfter(start) ? window.start() : start;
                Duration open = Duration.between(from, window.end());
                if (open.compareTo(remaining) >= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(open);
            }
        }
        throw new IllegalStateException(
                "the calendar is not open for " + businessTime + " within five years of " + start);
    }

    /** The open time between {@code from} and {@code to}; zero when {@code to} is not after {@code from}. */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration open = Duration.ZERO;
        LocalDate last = LocalDate.ofInstant(to, zone);
        for (LocalDate day = LocalDate.ofInstant(from, zone).minusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
            for (Window window : windowsOn(day)) {
                Instant start = window.start().isAfter(from) ? window.start() : from;
                Instant end = window.end().isBefore(to) ? window.end() : to;
                if (end.isAfter(start)) {
                    open = open.plus(Duration.between(start, end));
                }
            }
        }
        return open;
    }

    /** Whether the business is open at {@code instant}. */
    public boolean isOpen(Instant instant) {
        LocalDate today = LocalDate.ofInstant(instant, zone);
        for (LocalDate day = today.minusDays(1); !day.isAfter(today); day = day.plusDays(1)) {
            for (Window window : windowsOn(day)) {
                if (!instant.isBefore(window.start()) && instant.isBefore(window.end())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The intervals that start on {@code day}, as instants; a holiday has none. */
    private List<Window> windowsOn(LocalDate day) {
        if (holidays.contains(day)) {
            return List.of();
        }
        List<OpeningHours> hours = week.get(day.getDayOfWeek());
        List<Window> windows = new ArrayList<>(hours.size());
        for (OpeningHours interval : hours) {
            Instant start = ZonedDateTime.of(day, interval.opens(), zone).toInstant();
            LocalDate closingDay = interval.overnight() ? day.plusDays(1) : day;
            Instant end = ZonedDateTime.of(closingDay, interval.closes(), zone).toInstant();
            if (end.isAfter(start)) {
                windows.add(new Window(start, end));
            }
        }
        return windows;
    }

    private static void requireNoOverlaps(Map<DayOfWeek, List<OpeningHours>> week) {
        boolean open = false;
        for (DayOfWeek day : DayOfWeek.values()) {
            List<OpeningHours> hours = week.get(day);
            open |= !hours.isEmpty();
            for (int i = 0; i < hours.size(); i++) {
                OpeningHours interval = hours.get(i);
                boolean last = i == hours.size() - 1;
                if (interval.overnight() && !last) {
                    throw overlap(day);
                }
                if (!last && hours.get(i + 1).opens().isBefore(interval.closes())) {
                    throw overlap(day);
                }
            }
            if (!hours.isEmpty() && hours.get(hours.size() - 1).overnight()) {
                OpeningHours night = hours.get(hours.size() - 1);
                List<OpeningHours> next = week.get(day.plus(1));
                if (!next.isEmpty() && next.get(0).opens().isBefore(night.closes())) {
                    throw overlap(day.plus(1));
                }
            }
        }
        if (!open) {
            throw new InvalidFieldException("openingHours", "a calendar needs opening hours on at least one day");
        }
    }

    /** The same opening hours on every day of the week. */
    public static Map<DayOfWeek, List<OpeningHours>> everyDay(OpeningHours... hours) {
        Map<DayOfWeek, List<OpeningHours>> week = new EnumMap<>(DayOfWeek.class);
        Arrays.stream(DayOfWeek.values()).forEach(day -> week.put(day, List.of(hours)));
        return week;
    }

    private static InvalidFieldException overlap(DayOfWeek day) {
        return new InvalidFieldException(
                "openingHours", "the opening hours of " + day.name().toLowerCase(Locale.ROOT) + " overlap");
    }

    /** An interval during which the business is open. */
    private record Window(Instant start, Instant end) {}
}
