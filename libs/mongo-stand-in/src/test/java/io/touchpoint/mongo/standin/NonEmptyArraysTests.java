package io.touchpoint.mongo.standin;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class NonEmptyArraysTests {

    private static final Document PENDING = new Document("outbox.0", new Document("$exists", true));

    private final NonEmptyArrays<Integer> arrays = new NonEmptyArrays<>();

    private final Map<Integer, Document> stored = new TreeMap<>();

    private final AtomicInteger scans = new AtomicInteger();

    {
        stored.put(0, new Document("_id", "a").append("outbox", List.of(new Document("eventId", "e1"))));
        stored.put(1, new Document("_id", "b").append("outbox", List.of()));
        stored.put(2, new Document("_id", "c"));
        stored.put(3, new Document("_id", "d").append("outbox", new Document("0", "odd but present")));
    }

    @Test
    void theFirstQueryScansOnceAndLaterOnesUseWhatWritesKeptUpToDate() {
        assertThat(candidates(PENDING)).containsExactlyInAnyOrder(0, 3);
        assertThat(scans).hasValue(1);

        write(1, new Document("_id", "b").append("outbox", List.of(new Document("eventId", "e2"))));
        write(0, new Document("_id", "a").append("outbox", List.of()));
        write(4, new Document("_id", "e").append("outbox", List.of(new Document("eventId", "e3"))));
        arrays.removed(3);
        stored.remove(3);

        assertThat(candidates(PENDING.append("outboxLease", null))).containsExactlyInAnyOrder(1, 4);
        assertThat(scans).as("no second scan").hasValue(1);
    }

    @Test
    void otherQueriesAreLeftToTheUsualScan() {
        assertThat(candidates(new Document("outbox", new Document("$exists", true))))
                .isNull();
        assertThat(candidates(new Document("outbox.0", new Document("$exists", false))))
                .isNull();
        assertThat(candidates(new Document("outbox.0.time", new Document("$exists", true))))
                .isNull();
        assertThat(candidates(new Document("a.outbox.0", new Document("$exists", true))))
                .isNull();
        assertThat(candidates(new Document("outbox.0", "value"))).isNull();
        assertThat(scans).hasValue(0);
    }

    @Test
    void droppingTheCollectionForgetsWhatWasTracked() {
        candidates(PENDING);
        arrays.cleared();
        stored.clear();

        assertThat(candidates(PENDING)).isEmpty();
        assertThat(scans).hasValue(2);
    }

    private Iterable<Integer> candidates(Document query) {
        return arrays.candidates(query, () -> {
            scans.incrementAndGet();
            return stored.entrySet().stream()
                    .map(entry -> new DocumentWithPosition<>(entry.getValue(), entry.getKey()));
        });
    }

    private void write(int position, Document document) {
        stored.put(position, document);
        arrays.written(position, document);
    }
}
