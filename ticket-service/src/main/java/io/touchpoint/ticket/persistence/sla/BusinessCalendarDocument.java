package io.touchpoint.ticket.persistence.sla;

import io.touchpoint.ticket.domain.sla.BusinessCalendar;
import io.touchpoint.ticket.domain.sla.BusinessHours;
import io.touchpoint.ticket.domain.sla.OpeningHours;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A business calendar as stored: times as {@code HH:mm} and dates as {@code yyyy-MM-dd} strings, which are what they
 * are in every time zone (a BSON date would be an instant).
 *
 * @param openingHours intervals by weekday name
 */
@Document(BusinessCalendarDocument.COLLECTION)
@CompoundIndex(name = "tenant_id", def = "{'tenantId': 1, '_id': 1}")
record BusinessCalendarDocument(
        @Id String id,
        String tenantId,
        String name,
        String timeZone,
        Map<String, List<Interval>> openingHours,
        List<String> holidays,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    static final String COLLECTION = "business_calendars";

    static BusinessCalendarDocument of(BusinessCalendar calendar) {
        BusinessHours hours = calendar.hours();
        Map<String, List<Interval>> week = new LinkedHashMap<>();
        hours.week().forEach((day, intervals) -> {
            if (!intervals.isEmpty()) {
                week.put(day.name(), intervals.stream().map(Interval::of).toList());
            }
        });
        return new BusinessCalendarDocument(
                calendar.id(),
                calendar.tenantId(),
                calendar.name(),
                hours.zone().getId(),
                week,
                hours.holidaysInOrder().stream().map(LocalDate::toString).toList(),
                calendar.version(),
                calendar.createdAt(),
                calendar.updatedAt());
    }

    BusinessCalendar toCalendar() {
        Map<DayOfWeek, List<OpeningHours>> week = new EnumMap<>(DayOfWeek.class);
        openingHours.forEach((day, intervals) -> week.put(
                DayOfWeek.valueOf(day),
                intervals.stream().map(Interval::toOpeningHours).toList()));
        var hours = new BusinessHours(
                ZoneId.of(timeZone),
                week,
                holidays.stream().map(LocalDate::parse).collect(Collectors.toSet()));
        return new BusinessCalendar(id, tenantId, name, hours, version, createdAt, updatedAt);
    }

    /** Opening hours as stored. */
    record Interval(String opens, String closes) {

        static Interval of(OpeningHours hours) {
            return new Interval(hours.opens().toString(), hours.closes().toString());
        }

        OpeningHours toOpeningHours() {
            return new OpeningHours(LocalTime.parse(opens), LocalTime.parse(closes));
        }
    }
}
