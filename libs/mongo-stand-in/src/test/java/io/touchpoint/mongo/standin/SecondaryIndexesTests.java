package io.touchpoint.mongo.standin;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SecondaryIndexesTests {

    private final List<Index<Integer>> indexes = List.of(
            new MemoryUniqueIndex("_id_", List.of(new IndexKey("_id", true)), false),
            secondary("tenant_id", "tenantId", "_id"),
            secondary("tenant_status", "tenantId", "status", "_id"),
            secondary("tenant_tags", "tenantId", "tags", "_id"),
            secondary("tenant_handle", "tenantId", "requester.handle", "_id"));

    private final SecondaryIndexes<Integer> secondaryIndexes = new SecondaryIndexes<>();

    private final Map<Integer, Document> stored = new TreeMap<>();

    private final AtomicInteger scans = new AtomicInteger();

    {
        stored.put(0, ticket("a", "acme", "open").append("tags", List.of("vip", "billing")));
        stored.put(1, ticket("b", "acme", "closed").append("tags", List.of("billing")));
        stored.put(2, ticket("c", "other", "open").append("tags", List.of("vip")));
        stored.put(3, ticket("d", "acme", "open").append("requester", new Document("handle", "+1555")));
        stored.put(4, ticket("e", "acme", "new").append("requester", List.of(new Document("handle", "+1555"))));
        stored.put(5, new Document("_id", "f").append("tenantId", 7));
    }

    @Test
    void aQueryReadsOnlyTheDocumentsWithItsValuesOfTheLongestIndexPrefixItNames() {
        assertThat(candidates(new Document("tenantId", "acme"))).containsExactly(0, 1, 3, 4);
        assertThat(candidates(new Document("tenantId", "acme").append("status", "open")))
                .containsExactly(0, 3);
        assertThat(candidates(new Document("tenantId", "acme")
                        .append("status", new Document("$in", List.of("new", "open")))
                        .append("priority", "high")))
                .as("the priority is matched on these later")
                .containsExactlyInAnyOrder(0, 3, 4);
        assertThat(candidates(new Document("tenantId", new Document("$eq", "other"))))
                .containsExactly(2);
    }

    @Test
    void anArrayOfStringsIsFiledUnderEachElementAndAnArrayOnTheWayToANestedKeyUnderEveryValue() {
        assertThat(candidates(new Document("tenantId", "acme").append("tags", "billing")))
                .containsExactly(0, 1);
        assertThat(candidates(new Document("tenantId", "acme").append("requester.handle", "+1555")))
                .as("e's requester is an array: MongoDB would match it, so it is always a candidate")
                .containsExactlyInAnyOrder(3, 4);
        assertThat(candidates(new Document("tenantId", "acme").append("requester.handle", "+1999")))
                .containsExactly(4);
    }

    @Test
    void writesKeepTheTrackedKeysUpToDateWithoutAnotherScan() {
        assertThat(candidates(new Document("tenantId", "acme").append("status", "open")))
                .containsExactly(0, 3);
        assertThat(scans).hasValue(1);

        write(1, ticket("b", "acme", "open"));
        write(0, ticket("a", "acme", "resolved"));
        write(6, ticket("g", "acme", "open"));
        secondaryIndexes.removed(3, stored.remove(3));

        assertThat(candidates(new Document("tenantId", "acme").append("status", "open")))
                .containsExactlyInAnyOrder(1, 6);
        assertThat(scans).as("no second scan").hasValue(1);
    }

    @Test
    void pastFourTrackedKeyListsAQueryUsesTheLongestTrackedPrefixOfItsKeys() {
        candidates(new Document("tenantId", "acme"));
        candidates(new Document("tenantId", "acme").append("status", "open"));
        candidates(new Document("tenantId", "acme").append("tags", "vip"));
        candidates(new Document("tenantId", "acme").append("requester.handle", "+1555"));
        assertThat(scans).hasValue(4);

        assertThat(candidates(new Document("tenantId", "acme")
                        .append("status", "open")
                        .append("_id", new Document("$in", List.of("a", "d")))))
                .as("{tenantId, status, _id} is not tracked: {tenantId, status} is")
                .containsExactly(0, 3);
        assertThat(scans).hasValue(4);
    }

    @Test
    void queriesThatNameNoLeadingKeyByStringsAreLeftToTheUsualScan() {
        assertThat(candidates(new Document("status", "open"))).isNull();
        assertThat(candidates(new Document("tenantId", 7))).isNull();
        assertThat(candidates(new Document("tenantId", new Document("$ne", "acme"))))
                .isNull();
        assertThat(candidates(new Document("tenantId", new Document("$in", List.of("acme", 7)))))
                .isNull();
        String[] many = new String[100];
        Arrays.setAll(many, i -> "t" + i);
        assertThat(candidates(new Document("tenantId", new Document("$in", List.of(many)))))
                .as("too many lookups")
                .isNull();
        assertThat(new SecondaryIndexes<Integer>()
                        .candidates(indexes.subList(0, 1), new Document("tenantId", "acme"), this::all))
                .as("no non-unique index")
                .isNull();
    }

    private Iterable<Integer> candidates(Document query) {
        return secondaryIndexes.candidates(indexes, query, this::all);
    }

    private java.util.stream.Stream<DocumentWithPosition<Integer>> all() {
        scans.incrementAndGet();
        return stored.entrySet().stream().map(entry -> new DocumentWithPosition<>(entry.getValue(), entry.getKey()));
    }

    private void write(int position, Document document) {
        secondaryIndexes.written(position, stored.put(position, document), document);
    }

    private static Document ticket(String id, String tenant, String status) {
        return new Document("_id", id).append("tenantId", tenant).append("status", status);
    }

    private static Index<Integer> secondary(String name, String... keys) {
        return new EmptyIndex<>(
                name, Arrays.stream(keys).map(key -> new IndexKey(key, true)).toList());
    }
}
