package io.touchpoint.mongo.standin;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexLookupTests {

    private final Index<Integer> byId = new MemoryUniqueIndex("_id_", List.of(new IndexKey("_id", true)), false);

    private final Index<Integer> byTenantAndKey = new MemoryUniqueIndex(
            "tenant_key", List.of(new IndexKey("tenantId", true), new IndexKey("key", true)), false);

    {
        byId.add(new Document("_id", "a"), 0, null);
        byId.add(new Document("_id", "b"), 1, null);
        byTenantAndKey.add(new Document("tenantId", "t1").append("key", "k"), 0, null);
        byTenantAndKey.add(new Document("tenantId", "t2").append("key", "k"), 1, null);
    }

    @Test
    void anIdWithFurtherConditionsIsLookedUpByTheIdIndex() {
        Document query = new Document("_id", "b").append("version", 3).append("lease.token", "x");

        assertThat(IndexLookup.candidates(List.of(byId), query)).containsExactly(1);
    }

    @Test
    void anIdInAListIsLookedUpByTheIdIndex() {
        Document query = new Document("_id", new Document("$in", List.of("a", "b", "c")))
                .append("outbox.0", new Document("$exists", true));

        assertThat(IndexLookup.candidates(List.of(byId), query)).containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void aCompoundUniqueIndexIsUsedWhenTheQueryNamesAllItsKeys() {
        Document query = new Document("tenantId", "t2").append("key", "k").append("status", "open");

        assertThat(IndexLookup.candidates(List.of(byId, byTenantAndKey), query)).containsExactly(1);
    }

    @Test
    void noIndexAppliesWhenAKeyIsMissingOrQueriedByARange() {
        assertThat(IndexLookup.candidates(List.of(byId, byTenantAndKey), new Document("tenantId", "t1")))
                .isNull();
        assertThat(IndexLookup.candidates(List.of(byId), new Document("_id", new Document("$gt", "a"))))
                .isNull();
    }
}
