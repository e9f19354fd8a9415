package io.touchpoint.ticket.application.sla;

import io.touchpoint.ticket.domain.sla.BusinessCalendar;
import java.util.List;
import java.util.Optional;

/** Where business calendars are kept. */
public interface BusinessCalendarStore {

    void insert(BusinessCalendar calendar);

    Optional<BusinessCalendar> find(String tenantId, String id);

    /** Calendars of {@code tenantId} in id order after {@code after} (exclusive, may be null), at most {@code limit}. */
    List<BusinessCalendar> page(String tenantId, String after, int limit);

    /** Replaces the calendar if its stored version is {@code expectedVersion}; false if it changed or is gone. */
    boolean replace(BusinessCalendar calendar, long expectedVersion);

    boolean delete(String tenantId, String id);
}
