package io.touchpoint.ticket.domain.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.touchpoint.ticket.domain.InvalidFieldException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BusinessHoursTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** Monday to Friday, 09:00–17:00 in Berlin. */
    private static final BusinessHours OFFICE = weekdays(hours("09:00", "17:00"));

    @Nested
    class Deadlines {

        @Test
        void aDeadlineWithinTheDayIsThatManyHoursLater() {
            assertThat(OFFICE.plus(berlin("2026-03-02T10:00"), Duration.ofHours(2)))
                    .isEqualTo(berlin("2026-03-02T12:00"));
        }

        @Test
        void timeLeftAtClosingCarriesOverToTheNextMorning() {
            assertThat(OFFICE.plus(berlin("2026-03-02T16:00"), Duration.ofHours(2)))
                    .isEqualTo(berlin("2026-03-03T10:00"));
        }

        @Test
        void aDeadlineThatUsesTheDayExactlyFallsAtClosingTime() {
            assertThat(OFFICE.plus(berlin("2026-03-02T09:00"), Duration.ofHours(8)))
                    .isEqualTo(berlin("2026-03-02T17:00"));
        }

        @Test
        void theWeekendDoesNotCount() {
            assertThat(OFFICE.plus(berlin("2026-03-06T16:00"), Duration.ofHours(2)))
                    .isEqualTo(berlin("2026-03-09T10:00"));
        }

        @Test
        void aHolidayDoesNotCount() {
            BusinessHours withEasterMonday = withHolidays(OFFICE, LocalDate.parse("2026-04-06"));

            assertThat(withEasterMonday.plus(berlin("2026-04-03T16:00"), Duration.ofHours(2)))
                    .as("Friday 16:00 plus two hours, over the weekend and Easter Monday")
                    .isEqualTo(berlin("2026-04-07T10:00"));
        }

        @Test
        void timeStartsCountingAtTheNextOpening() {
            assertThat(OFFICE.plus(berlin("2026-03-02T07:00"), Duration.ofHours(1)))
                    .isEqualTo(berlin("2026-03-02T10:00"));
            assertThat(OFFICE.plus(berlin("2026-03-02T18:00"), Duration.ofHours(1)))
                    .isEqualTo(berlin("2026-03-03T10:00"));
            assertThat(OFFICE.plus(berlin("2026-03-07T11:00"), Duration.ofMinutes(30)))
                    .as("from a Saturday")
                    .isEqualTo(berlin("2026-03-09T09:30"));
        }

        @Test
        void noBusinessTimeIsDueRightAway() {
            assertThat(OFFICE.plus(berlin("2026-03-07T11:00"), Duration.ZERO)).isEqualTo(berlin("2026-03-07T11:00"));
        }

        @Test
        void aLunchBreakDoesNotCount() {
            BusinessHours withLunch = weekdays(hours("09:00", "12:00"), hours("13:00", "17:00"));

            assertThat(withLunch.plus(berlin("2026-03-02T11:30"), Duration.ofHours(1)))
                    .isEqualTo(berlin("2026-03-02T13:30"));
        }

        @Test
        void aLongTargetSpansWeeks() {
            // 40 business hours a week: 100 hours from Monday 09:00 end on the third Wednesday at 13:00.
            assertThat(OFFICE.plus(berlin("2026-03-02T09:00"), Duration.ofHours(100)))
                    .isEqualTo(berlin("2026-03-18T13:00"));
        }
    }

    @Nested
    class NightShifts {

        /** Every night from 22:00 to 06:00 the next morning. */
        private final BusinessHours nights =
                new BusinessHours(BERLIN, BusinessHours.everyDay(hours("22:00", "06:00")), Set.of());

        @Test
        void aShiftRunsOverMidnight() {
            assertThat(nights.plus(berlin("2026-03-02T23:00"), Duration.ofHours(2)))
                    .isEqualTo(berlin("2026-03-03T01:00"));
            assertThat(nights.plus(berlin("2026-03-03T05:00"), Duration.ofHours(2)))
                    .as("one hour before the shift ends, one after the next begins")
                    .isEqualTo(berlin("2026-03-03T23:00"));
        }

        @Test
        void aShiftBelongsToTheDayItStartsOn() {
            BusinessHours offOnTuesday = withHolidays(nights, LocalDate.parse("2026-03-03"));

            assertThat(offOnTuesday.isOpen(berlin("2026-03-03T03:00")))
                    .as("Monday's shift runs into the holiday")
                    .isTrue();
            assertThat(offOnTuesday.isOpen(berlin("2026-03-03T23:00")))
                    .as("the holiday's own shift does not start")
                    .isFalse();
            assertThat(offOnTuesday.plus(berlin("2026-03-03T05:00"), Duration.ofHours(2)))
                    .isEqualTo(berlin("2026-03-04T23:00"));
        }
    }

    @Nested
    class DaylightSavingTime {

        private final BusinessHours aroundTheClock =
                new BusinessHours(BERLIN, BusinessHours.everyDay(OpeningHours.ALL_DAY), Set.of());

        private final BusinessHours nights =
                new BusinessHours(BERLIN, BusinessHours.everyDay(hours("22:00", "06:00")), Set.of());

        @Test
        void theDayClocksSpringForwardHas23Hours() {
            assertThat(aroundTheClock.between(berlin("2026-03-29T00:00"), berlin("2026-03-30T00:00")))
                    .isEqualTo(Duration.ofHours(23));
            assertThat(nights.between(berlin("2026-03-28T21:00"), berlin("2026-03-29T07:00")))
                    .as("the night shift into that Sunday")
                    .isEqualTo(Duration.ofHours(7));
        }

        @Test
        void theDayClocksFallBackHas25Hours() {
            assertThat(aroundTheClock.between(berlin("2026-10-25T00:00"), berlin("2026-10-26T00:00")))
                    .isEqualTo(Duration.ofHours(25));
            assertThat(nights.between(berlin("2026-10-24T21:00"), berlin("2026-10-25T07:00")))
                    .isEqualTo(Duration.ofHours(9));
        }

        @Test
        void businessTimeIsRealTimeAcrossTheChange() {
            Instant saturdayNoon = berlin("2026-03-28T12:00");

            assertThat(aroundTheClock.plus(saturdayNoon, Duration.ofHours(24)))
                    .isEqualTo(saturdayNoon.plus(Duration.ofHours(24)))
                    .isEqualTo(berlin("2026-03-29T13:00"));
        }

        @Test
        void openingHoursStayWallClockTimes() {
            BusinessHours daily = new BusinessHours(BERLIN, BusinessHours.everyDay(hours("09:00", "17:00")), Set.of());

            assertThat(daily.plus(berlin("2026-03-28T16:00"), Duration.ofHours(2)))
                    .isEqualTo(berlin("2026-03-29T10:00"))
                    .isEqualTo(Instant.parse("2026-03-29T08:00:00Z"));
            assertThat(daily.plus(berlin("2026-10-24T16:00"), Duration.ofHours(2)))
                    .isEqualTo(Instant.parse("2026-10-25T09:00:00Z"));
        }

        @Test
        void anOpeningInTheSkippedHourMovesLaterByTheGap() {
            // 02:30 does not exist on 29 March in Berlin: the interval opens at 03:30 CEST, the moment the clock would
            // have shown 02:30 had it not jumped.
            var early = new BusinessHours(BERLIN, BusinessHours.everyDay(hours("02:30", "04:00")), Set.of());

            assertThat(early.between(berlin("2026-03-29T00:00"), berlin("2026-03-29T12:00")))
                    .isEqualTo(Duration.ofMinutes(30));
            assertThat(early.between(berlin("2026-03-28T00:00"), berlin("2026-03-28T12:00")))
                    .isEqualTo(Duration.ofMinutes(90));
        }
    }

    @Nested
    class Elapsed {

        @Test
        void onlyOpenTimeBetweenTwoInstantsCounts() {
            assertThat(OFFICE.between(berlin("2026-03-06T16:00"), berlin("2026-03-09T10:00")))
                    .isEqualTo(Duration.ofHours(2));
            assertThat(OFFICE.between(berlin("2026-03-07T10:00"), berlin("2026-03-08T10:00")))
                    .isZero();
            assertThat(OFFICE.between(berlin("2026-03-09T10:00"), berlin("2026-03-06T16:00")))
                    .as("backwards")
                    .isZero();
        }

        @Test
        void elapsedTimeUndoesTheDeadline() {
            BusinessHours calendar = withHolidays(
                    weekdays(hours("08:00", "12:00"), hours("13:00", "18:30")),
                    LocalDate.parse("2026-04-06"),
                    LocalDate.parse("2026-05-01"));
            Random random = new Random(42);
            Instant base = berlin("2026-03-01T00:00");
            for (int i = 0; i < 500; i++) {
                Instant start = base.plus(Duration.ofMinutes(random.nextInt(365 * 24 * 60)));
                Duration target = Duration.ofMinutes(1 + random.nextInt(60 * 60));

                Instant due = calendar.plus(start, target);

                assertThat(calendar.between(start, due))
                        .as("from %s plus %s", start, target)
                        .isEqualTo(target);
                assertThat(calendar.between(start, due.minusSeconds(60)))
                        .as("a minute before %s", due)
                        .isLessThan(target);
            }
        }
    }

    @Nested
    class Validation {

        @Test
        void overlappingIntervalsAreRefused() {
            assertThatThrownBy(() -> weekdays(hours("09:00", "13:00"), hours("12:00", "17:00")))
                    .isInstanceOf(InvalidFieldException.class)
                    .hasMessage("the opening hours of monday overlap");
        }

        @Test
        void aNightShiftRunningIntoTheNextDaysHoursIsRefused() {
            Map<DayOfWeek, List<OpeningHours>> week = new EnumMap<>(DayOfWeek.class);
            week.put(DayOfWeek.MONDAY, List.of(hours("20:00", "10:00")));
            week.put(DayOfWeek.TUESDAY, List.of(hours("09:00", "17:00")));

            assertThatThrownBy(() -> new BusinessHours(BERLIN, week, Set.of()))
                    .isInstanceOf(InvalidFieldException.class)
                    .hasMessage("the opening hours of tuesday overlap");
        }

        @Test
        void aCalendarThatNeverOpensIsRefused() {
            assertThatThrownBy(() -> new BusinessHours(BERLIN, Map.of(), Set.of()))
                    .isInstanceOf(InvalidFieldException.class)
                    .hasMessageContaining("at least one day");
        }

        @Test
        void timesAreWholeMinutes() {
            assertThatThrownBy(() -> new OpeningHours(LocalTime.parse("09:00:30"), LocalTime.parse("17:00")))
                    .isInstanceOf(InvalidFieldException.class);
        }
    }

    static OpeningHours hours(String opens, String closes) {
        return new OpeningHours(LocalTime.parse(opens), LocalTime.parse(closes));
    }

    static BusinessHours weekdays(OpeningHours... hours) {
        Map<DayOfWeek, List<OpeningHours>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            week.put(day, List.of(hours));
        }
        return new BusinessHours(BERLIN, week, Set.of());
    }

    static BusinessHours withHolidays(BusinessHours hours, LocalDate... holidays) {
        return new BusinessHours(hours.zone(), hours.week(), Set.of(holidays));
    }

    /** A local date-time in Berlin, {@code 2026-03-02T10:00}. */
    static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }
}
