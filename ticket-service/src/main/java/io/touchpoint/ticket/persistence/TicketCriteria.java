package io.touchpoint.ticket.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.touchpoint.ticket.application.TicketSearch;
import org.springframework.data.mongodb.core.query.Criteria;

/** A ticket search as a MongoDB filter; every filter starts with the tenant. */
final class TicketCriteria {

    private TicketCriteria() {}

    static Criteria of(TicketSearch search) {
        Criteria criteria = where("tenantId").is(search.tenantId());
        if (!search.statuses().isEmpty()) {
            criteria.and("status").in(search.statuses());
        }
        if (!search.priorities().isEmpty()) {
            criteria.and("priority").in(search.priorities());
        }
        if (!search.channels().isEmpty()) {
            criteria.and("requester.channel").in(search.channels());
        }
        if (search.assigneeId() != null) {
            criteria.and("assigneeId")
                    .is(TicketSearch.UNASSIGNED.equals(search.assigneeId()) ? null : search.assigneeId());
        }
        if (search.teamId() != null) {
            criteria.and("teamId").is(search.teamId());
        }
        if (search.customer() != null) {
            criteria.and("requester.handle.value").is(search.customer());
        }
        if (search.tag() != null) {
            criteria.and("tags").is(search.tag());
        }
        range(criteria, "createdAt", search.createdAfter(), search.createdBefore());
        range(criteria, "updatedAt", search.updatedAfter(), search.updatedBefore());
        if (search.after() != null) {
            criteria = search.newestFirst()
                    ? criteria.and("_id").lt(search.after())
                    : criteria.and("_id").gt(search.after());
        }
        return criteria;
    }

    private static void range(Criteria criteria, String field, java.time.Instant after, java.time.Instant before) {
        if (after != null && before != null) {
            criteria.and(field).gt(after).lt(before);
        } else if (after != null) {
            criteria.and(field).gt(after);
        } else if (before != null) {
            criteria.and(field).lt(before);
        }
    }
}
