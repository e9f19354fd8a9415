package io.touchpoint.starter.consumer;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Makes a handler's update of an existing document apply once per event: the write is conditional on the event id
 * not being recorded in the document yet, and records it in the same single-document update.
 *
 * <pre>{@code
 * boolean applied = AppliedEvents.apply(mongo,
 *         query(where("_id").is(ticketId).and("tenantId").is(event.tenantId())), event.id(),
 *         new Update().set("customerRating", event.payload().rating()), TicketDocument.class);
 * }</pre>
 *
 * <p>The document keeps the ids of its last {@value #DEFAULT_RETAINED} applied events ({@code $push} with
 * {@code $slice}); a redelivery that comes after that many newer events to the same document would apply again, which
 * is far beyond any broker redelivery or retry window.
 */
public final class AppliedEvents {

    /** The array field holding the ids of the events applied to a document. */
    public static final String FIELD = "appliedEvents";

    public static final int DEFAULT_RETAINED = 100;

    private AppliedEvents() {}

    /** The condition that {@code eventId} has not been applied to the document yet. */
    public static Criteria notApplied(String eventId) {
        return Criteria.where(FIELD).ne(eventId);
    }

    /** Narrows {@code target} to a document that has not applied {@code eventId} yet. */
    public static Query notApplied(Query target, String eventId) {
        return target.addCriteria(notApplied(eventId));
    }

    /** Adds the recording of {@code eventId} to {@code update}, keeping the last {@value #DEFAULT_RETAINED} ids. */
    public static Update record(Update update, String eventId) {
        return record(update, eventId, DEFAULT_RETAINED);
    }

    public static Update record(Update update, String eventId, int retained) {
        update.push(FIELD).slice(-retained).each(eventId);
        return update;
    }

    /**
     * Applies {@code update} to the document {@code target} selects unless it already applied {@code eventId}.
     *
     * @return whether the update was applied now; false if the event was applied before or no document matched
     */
    public static boolean apply(
            MongoOperations mongo, Query target, String eventId, Update update, Class<?> entityClass) {
        return mongo.updateFirst(notApplied(target, eventId), record(update, eventId), entityClass)
                        .getMatchedCount()
                == 1;
    }

    /** Like {@link #apply(MongoOperations, Query, String, Update, Class)}, for a document in {@code collection}. */
    public static boolean apply(
            MongoOperations mongo,
            Query target,
            String eventId,
            Update update,
            Class<?> entityClass,
            String collection) {
        return mongo.updateFirst(notApplied(target, eventId), record(update, eventId), entityClass, collection)
                        .getMatchedCount()
                == 1;
    }

    /**
     * Like {@link #apply} but creates the document if it does not exist. {@code target} must select by a unique key
     * ({@code _id}): an existing document that already applied the event makes the upsert's insert collide with it,
     * which is how "already applied" shows.
     */
    public static boolean upsert(
            MongoOperations mongo, Query target, String eventId, Update update, Class<?> entityClass) {
        try {
            mongo.upsert(notApplied(target, eventId), record(update, eventId), entityClass);
            return true;
        } catch (DuplicateKeyException alreadyApplied) {
            return false;
        }
    }
}
