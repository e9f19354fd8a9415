package io.touchpoint.ticket.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.touchpoint.ticket.application.reporting.GroupBy;
import io.touchpoint.ticket.application.reporting.TicketReportStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Ticket figures from the {@code tickets} collection: counts with {@code $match} and {@code $group}, durations from a
 * projection of the milestones, which every MongoDB and the in-process stand-in support. On MongoDB the tenant's
 * {@code createdAt} and {@code resolvedAt} ranges want indexes of their own when reports run often; the stand-in scans.
 */
@Repository
class MongoTicketReports implements TicketReportStore {

    private static final String CREATED_AT = "createdAt";

    private static final String RESOLVED_AT = "resolvedAt";

    private static final String FIRST_RESPONSE_AT = "firstResponseAt";

    private final MongoTemplate mongo;

    MongoTicketReports(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Map<String, Long> created(String tenantId, Instant from, Instant to, GroupBy groupBy) {
        return count(inPeriod(tenantId, CREATED_AT, from, to), groupBy);
    }

    @Override
    public Map<String, Long> resolved(String tenantId, Instant from, Instant to, GroupBy groupBy) {
        return count(inPeriod(tenantId, RESOLVED_AT, from, to), groupBy);
    }

    @Override
    public List<Sample> firstResponseTimes(String tenantId, Instant from, Instant to, GroupBy groupBy, int limit) {
        Criteria answered =
                inPeriod(tenantId, CREATED_AT, from, to).and(FIRST_RESPONSE_AT).ne(null);
        return durations(answered, groupBy, CREATED_AT, FIRST_RESPONSE_AT, limit);
    }

    @Override
    public List<Sample> resolutionTimes(String tenantId, Instant from, Instant to, GroupBy groupBy, int limit) {
        return durations(inPeriod(tenantId, RESOLVED_AT, from, to), groupBy, CREATED_AT, RESOLVED_AT, limit);
    }

    private Map<String, Long> count(Criteria tickets, GroupBy groupBy) {
        Aggregation counting = Aggregation.newAggregation(
                Aggregation.match(tickets),
                Aggregation.group(field(groupBy)).count().as("count"));
        Map<String, Long> counts = new HashMap<>();
        for (Document group : mongo.aggregate(counting, TicketDocument.COLLECTION, Document.class)) {
            counts.merge(key(group.get("_id"), groupBy), ((Number) group.get("count")).longValue(), Long::sum);
        }
        return counts;
    }

    private List<Sample> durations(Criteria tickets, GroupBy groupBy, String start, String end, int limit) {
        Query projection = query(tickets).with(Sort.by("_id")).limit(limit);
        projection.fields().include(field(groupBy), start, end);
        return mongo.find(projection, Document.class, TicketDocument.COLLECTION).stream()
                .filter(ticket -> ticket.getDate(start) != null && ticket.getDate(end) != null)
                .map(ticket -> new Sample(
                        key(value(ticket, field(groupBy)), groupBy),
                        Math.max(0, seconds(ticket.getDate(start), ticket.getDate(end)))))
                .toList();
    }

    private static Criteria inPeriod(String tenantId, String field, Instant from, Instant to) {
        return where("tenantId").is(tenantId).and(field).gte(from).lt(to);
    }

    private static String field(GroupBy groupBy) {
        return switch (groupBy) {
            case CHANNEL -> "requester.channel";
            case TEAM -> "teamId";
            case AGENT -> "assigneeId";
        };
    }

    /** The group's key as the API shows it: channels by their contract names ({@code web_chat}). */
    private static String key(Object stored, GroupBy groupBy) {
        if (stored == null) {
            return null;
        }
        return groupBy == GroupBy.CHANNEL ? stored.toString().toLowerCase(Locale.ROOT) : stored.toString();
    }

    private static Object value(Document document, String path) {
        Object value = document;
        for (String part : path.split("\\.")) {
            if (!(value instanceof Document current)) {
                return null;
            }
            value = current.get(part);
        }
        return value;
    }

    private static long seconds(Date from, Date to) {
        return Duration.between(from.toInstant(), to.toInstant()).toSeconds();
    }
}
