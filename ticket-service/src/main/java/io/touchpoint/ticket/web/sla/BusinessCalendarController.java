package io.touchpoint.ticket.web.sla;

import io.touchpoint.tenancy.TenantContext;
import io.touchpoint.ticket.application.sla.BusinessCalendars;
import io.touchpoint.ticket.domain.InvalidFieldException;
import io.touchpoint.ticket.domain.sla.BusinessCalendar;
import io.touchpoint.ticket.domain.sla.BusinessHours;
import io.touchpoint.ticket.domain.sla.OpeningHours;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/tickets/calendars}: business calendars, the hours SLA targets count in. Opening hours are local times of
 * the calendar's IANA time zone per weekday ({@code "monday": [{"from": "09:00", "to": "17:00"}]}); {@code to} at or
 * before {@code from} runs into the next day ({@code 22:00}–{@code 06:00}), {@code 24:00} is midnight at the end of
 * the day. Holidays are dates on which the calendar does not open.
 */
@RestController
@RequestMapping("/v1/tickets/calendars")
class BusinessCalendarController {

    private static final String TIME = "([01][0-9]|2[0-3]):[0-5][0-9]";

    private static final String WEEKDAY = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";

    private final BusinessCalendars calendars;

    BusinessCalendarController(BusinessCalendars calendars) {
        this.calendars = calendars;
    }

    @PostMapping
    ResponseEntity<CalendarResponse> create(TenantContext tenant, @Valid @RequestBody CalendarRequest request) {
        SettingsScope.requireWrite(tenant);
        BusinessCalendar created = calendars.create(tenant.tenantId(), request.name(), request.toHours());
        return ResponseEntity.created(URI.create("/v1/tickets/calendars/" + created.id()))
                .eTag(ETags.of(created.version()))
                .body(CalendarResponse.of(created));
    }

    @GetMapping
    PageResponse<CalendarResponse> list(
            TenantContext tenant,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) String after) {
        return PageResponse.of(
                calendars.page(tenant.tenantId(), Cursor.decode(after), limit + 1),
                limit,
                BusinessCalendar::id,
                CalendarResponse::of);
    }

    @GetMapping("/{id}")
    ResponseEntity<CalendarResponse> get(TenantContext tenant, @PathVariable String id) {
        BusinessCalendar calendar = calendars.get(tenant.tenantId(), id);
        return ResponseEntity.ok().eTag(ETags.of(calendar.version())).body(CalendarResponse.of(calendar));
    }

    @PutMapping("/{id}")
    ResponseEntity<CalendarResponse> replace(
            TenantContext tenant,
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody CalendarRequest request) {
        SettingsScope.requireWrite(tenant);
        BusinessCalendar replaced =
                calendars.replace(tenant.tenantId(), id, request.name(), request.toHours(), ETags.version(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(replaced.version())).body(CalendarResponse.of(replaced));
    }

    /** Deletes a calendar; one an SLA policy counts in is a {@code 409 calendar_in_use}. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(TenantContext tenant, @PathVariable String id) {
        SettingsScope.requireWrite(tenant);
        calendars.delete(tenant.tenantId(), id);
        return ResponseEntity.noContent().build();
    }

    /**
     * A calendar.
     *
     * @param timeZone an IANA zone id, {@code Europe/Berlin}
     * @param openingHours by lower-case weekday; a day left out is closed
     */
    record CalendarRequest(
            @NotBlank @Size(max = BusinessCalendar.MAX_NAME_LENGTH) String name,
            @NotBlank @Size(max = 64) String timeZone,
            @NotNull
                    Map<
                                    @NotNull @Pattern(regexp = WEEKDAY, message = "must be a weekday, monday to sunday")
                                    String,
                                    @NotNull @Size(max = BusinessHours.MAX_INTERVALS_PER_DAY) List<
                                            @NotNull @Valid IntervalJson>>
                            openingHours,
            @Size(max = BusinessHours.MAX_HOLIDAYS) List<@NotNull LocalDate> holidays) {

        BusinessHours toHours() {
            ZoneId zone;
            try {
                zone = ZoneId.of(timeZone);
            } catch (DateTimeException e) {
                throw new InvalidFieldException("timeZone", "must be an IANA time zone such as Europe/Berlin");
            }
            Map<DayOfWeek, List<OpeningHours>> week = new EnumMap<>(DayOfWeek.class);
            openingHours.forEach((day, intervals) -> week.put(
                    DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT)),
                    intervals.stream().map(IntervalJson::toOpeningHours).toList()));
            return new BusinessHours(zone, week, holidays != null ? Set.copyOf(holidays) : Set.of());
        }
    }

    /** Open from {@code from} to {@code to}, local times {@code HH:mm}; {@code to} may be {@code 24:00}. */
    record IntervalJson(
            @NotNull @Pattern(regexp = TIME, message = "must be a time HH:mm") String from,
            @NotNull @Pattern(regexp = TIME + "|24:00", message = "must be a time HH:mm or 24:00") String to) {

        OpeningHours toOpeningHours() {
            return new OpeningHours(
                    LocalTime.parse(from), to.equals("24:00") ? LocalTime.MIDNIGHT : LocalTime.parse(to));
        }

        static IntervalJson of(OpeningHours hours) {
            String closes = hours.closes().equals(LocalTime.MIDNIGHT)
                    ? "24:00"
                    : hours.closes().toString();
            return new IntervalJson(hours.opens().toString(), closes);
        }
    }

    record CalendarResponse(
            String id,
            String name,
            String timeZone,
            Map<String, List<IntervalJson>> openingHours,
            List<LocalDate> holidays,
            long version,
            Instant createdAt,
            Instant updatedAt) {

        static CalendarResponse of(BusinessCalendar calendar) {
            Map<String, List<IntervalJson>> week = new LinkedHashMap<>();
            calendar.hours().week().forEach((day, hours) -> {
                if (!hours.isEmpty()) {
                    week.put(
                            day.name().toLowerCase(Locale.ROOT),
                            hours.stream().map(IntervalJson::of).toList());
                }
            });
            return new CalendarResponse(
                    calendar.id(),
                    calendar.name(),
                    calendar.hours().zone().getId(),
                    week,
                    calendar.hours().holidaysInOrder(),
                    calendar.version(),
                    calendar.createdAt(),
                    calendar.updatedAt());
        }
    }
}
