package io.touchpoint.ticket.persistence.sla;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.touchpoint.events.ticket.SlaMetric;
import io.touchpoint.ticket.application.sla.SlaClockStore;
import io.touchpoint.ticket.domain.sla.SlaClock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * SLA timers in MongoDB. Every lookup is by {@code _id} except the scheduler's claim, a {@code findAndModify} on
 * {@code nextCheckAt}; writes are conditional on {@code revision} and leave the lease alone.
 */
@Repository
class MongoSlaClockStore implements SlaClockStore {

    private final MongoTemplate mongo;

    MongoSlaClockStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<SlaClock> ofTicket(String tenantId, String ticketId) {
        return mongo.find(query(where("_id").in(ids(tenantId, ticketId))), SlaTimerDocument.class).stream()
                .map(SlaTimerDocument::toClock)
                .toList();
    }

    @Override
    public Optional<SlaClock> save(SlaClock clock) {
        long next = clock.revision() + 1;
        if (clock.revision() == 0) {
            try {
                mongo.insert(SlaTimerDocument.of(clock, next));
                return Optional.of(clock.withRevision(next));
            } catch (DuplicateKeyException savedMeanwhile) {
                return Optional.empty();
            }
        }
        Update update = new Update()
                .set("cycle", clock.cycle())
                .set("startedAt", clock.startedAt())
                .set("policyId", clock.policyId())
                .set("calendarId", clock.calendarId())
                .set("targetMillis", clock.target().toMillis())
                .set("warningPercent", clock.warningPercent())
                .set("usedMillis", clock.used().toMillis())
                .set("runningSince", clock.runningSince())
                .set("dueAt", clock.dueAt())
                .set("warnAt", clock.warnAt())
                .set("warned", clock.warned())
                .set("breached", clock.breached())
                .set("stoppedAt", clock.stoppedAt())
                .set("ticketVersion", clock.ticketVersion())
                .set("nextCheckAt", clock.nextCheckAt())
                .set("revision", next);
        Query current = query(where("_id").is(clock.id()).and("revision").is(clock.revision()));
        return mongo.updateFirst(current, update, SlaTimerDocument.class).getMatchedCount() == 1
                ? Optional.of(clock.withRevision(next))
                : Optional.empty();
    }

    @Override
    public void deleteAll(String tenantId, String ticketId) {
        mongo.remove(query(where("_id").in(ids(tenantId, ticketId))), SlaTimerDocument.class);
    }

    @Override
    public Optional<SlaClock> claimDue(Instant now, String owner, Instant leaseUntil) {
        Query due = query(where("nextCheckAt")
                        .lte(now)
                        .orOperator(
                                where("leaseUntil").is(null),
                                where("leaseUntil").lte(now)))
                .with(Sort.by("nextCheckAt"));
        Update lease = new Update().set("leaseOwner", owner).set("leaseUntil", leaseUntil);
        return Optional.ofNullable(mongo.findAndModify(
                        due, lease, FindAndModifyOptions.options().returnNew(true), SlaTimerDocument.class))
                .map(SlaTimerDocument::toClock);
    }

    @Override
    public void release(SlaClock clock, String owner) {
        mongo.updateFirst(
                query(where("_id").is(clock.id()).and("leaseOwner").is(owner)),
                new Update().unset("leaseOwner").unset("leaseUntil"),
                SlaTimerDocument.class);
    }

    private static List<String> ids(String tenantId, String ticketId) {
        return Arrays.stream(SlaMetric.values())
                .map(metric -> SlaClock.id(tenantId, ticketId, metric))
                .toList();
    }
}
