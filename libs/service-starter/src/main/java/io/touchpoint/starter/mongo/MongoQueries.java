package io.touchpoint.starter.mongo;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;

/** Queries Spring Data answers in a costlier way than needed. */
public final class MongoQueries {

    private MongoQueries() {}

    /**
     * Whether any document of {@code entity}'s collection matches {@code query}: one {@code find} with limit 1 that
     * returns only an {@code _id}. {@code MongoOperations.exists} runs a {@code countDocuments} aggregation instead,
     * which the MongoDB stand-in answers by reading the whole collection.
     */
    public static boolean exists(MongoOperations mongo, Query query, Class<?> entity) {
        return mongo.query(entity)
                .as(Document.class)
                .matching(probe(query))
                .first()
                .isPresent();
    }

    /** {@link #exists(MongoOperations, Query, Class)} for a collection without a mapped entity. */
    public static boolean exists(MongoOperations mongo, Query query, String collection) {
        return mongo.findOne(probe(query), Document.class, collection) != null;
    }

    private static Query probe(Query query) {
        Query probe = Query.of(query).limit(1);
        probe.fields().include("_id");
        return probe;
    }
}
