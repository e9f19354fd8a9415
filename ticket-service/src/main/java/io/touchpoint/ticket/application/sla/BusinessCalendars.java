package io.touchpoint.ticket.application.sla;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.touchpoint.starter.problem.ConflictException;
import io.touchpoint.starter.problem.NotFoundException;
import io.touchpoint.starter.problem.PreconditionFailedException;
import io.touchpoint.ticket.config.SlaProperties;
import io.touchpoint.ticket.domain.Ids;
import io.touchpoint.ticket.domain.sla.BusinessCalendar;
import io.touchpoint.ticket.domain.sla.BusinessHours;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** A tenant's business calendars: the opening hours and holidays SLA targets count in. */
@Service
public class BusinessCalendars {

    private static final Logger log = LoggerFactory.getLogger(BusinessCalendars.class);

    private final BusinessCalendarStore store;

    private final SlaPolicyStore policies;

    private final Clock clock;

    private final Cache<CalendarKey, Optional<BusinessHours>> hours;

    public BusinessCalendars(
            BusinessCalendarStore store, SlaPolicyStore policies, SlaProperties properties, Clock clock) {
        this.store = store;
        this.policies = policies;
        this.clock = clock;
        this.hours = Caffeine.newBuilder()
                .expireAfterWrite(properties.cacheTtl())
                .maximumSize(100_000)
                .build();
    }

    public BusinessCalendar create(String tenantId, String name, BusinessHours hours) {
        Instant now = clock.instant();
        var calendar = new BusinessCalendar(Ids.next(BusinessCalendar.ID_PREFIX), tenantId, name, hours, 1, now, now);
        store.insert(calendar);
        return calendar;
    }

    public BusinessCalendar get(String tenantId, String id) {
        return store.find(tenantId, id).orElseThrow(() -> notFound(id));
    }

    public List<BusinessCalendar> page(String tenantId, String after, int limit) {
        return store.page(tenantId, after, limit);
    }

    /**
     * Replaces the name and hours. Running clocks move to the new hours with their ticket's next change.
     *
     * @param expectedVersion the version the caller read ({@code If-Match}), or null to replace whatever is stored
     */
    public BusinessCalendar replace(
            String tenantId, String id, String name, BusinessHours newHours, Long expectedVersion) {
        BusinessCalendar current = get(tenantId, id);
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new PreconditionFailedException(
                    "Calendar " + id + " is at version " + current.version() + ", not " + expectedVersion + ".");
        }
        var replaced = new BusinessCalendar(
                id, tenantId, name, newHours, current.version() + 1, current.createdAt(), clock.instant());
        if (!store.replace(replaced, current.version())) {
            throw new PreconditionFailedException("Calendar " + id + " changed while it was being replaced.");
        }
        hours.invalidate(new CalendarKey(tenantId, id));
        return replaced;
    }

    /** Deletes a calendar no policy counts in; one in use is a conflict. */
    public void delete(String tenantId, String id) {
        get(tenantId, id);
        if (policies.usesCalendar(tenantId, id)) {
            throw new ConflictException(
                    "calendar_in_use", "Calendar " + id + " is used by an SLA policy; change the policy first.");
        }
        if (!store.delete(tenantId, id)) {
            throw notFound(id);
        }
        hours.invalidate(new CalendarKey(tenantId, id));
    }

    /**
     * The hours clocks count in for {@code calendarId}: around the clock for none, and for a calendar that is gone
     * (deleted while a ticket's clock still named it), so that the clock keeps running rather than stopping.
     */
    public BusinessHours hours(String tenantId, String calendarId) {
        if (calendarId == null) {
            return BusinessHours.ALWAYS;
        }
        return hours.get(new CalendarKey(tenantId, calendarId), key -> store.find(tenantId, calendarId)
                        .map(BusinessCalendar::hours))
                .orElseGet(() -> {
                    log.warn("calendar {} of tenant {} is gone; counting around the clock", calendarId, tenantId);
                    return BusinessHours.ALWAYS;
                });
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("calendar_not_found", "No business calendar " + id + ".");
    }

    private record CalendarKey(String tenantId, String calendarId) {}
}
