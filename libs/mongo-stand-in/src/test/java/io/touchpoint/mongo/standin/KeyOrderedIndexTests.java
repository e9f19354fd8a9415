package io.touchpoint.mongo.standin;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

class KeyOrderedIndexTests {

    private final KeyOrderedIndex.KeyType type = new KeyOrderedIndex.KeyType();

    private final List<KeyValue> keys = List.of(
            new KeyValue("a"),
            new KeyValue("b"),
            new KeyValue("ab"),
            new KeyValue(""),
            new KeyValue(1),
            new KeyValue(2L),
            new KeyValue(2.0),
            new KeyValue(true),
            new KeyValue("acme", "k1"),
            new KeyValue("acme", "k2"),
            new KeyValue("acme", 1));

    @Test
    void keysFollowMongoDbsOrderOfTheirValues() {
        for (KeyValue left : keys) {
            for (KeyValue right : keys) {
                int byMongoDb = ValueComparator.ascWithoutListHandling().compare(left.get(0), right.get(0));
                if (byMongoDb != 0) {
                    assertThat(Integer.signum(type.compare(left, right)))
                            .as("%s against %s", left, right)
                            .isEqualTo(Integer.signum(byMongoDb));
                }
            }
        }
    }

    @Test
    void keysAreEqualExactlyWhenTheyAreTheSameAndTheOrderIsAntisymmetric() {
        for (KeyValue left : keys) {
            for (KeyValue right : keys) {
                int order = type.compare(left, right);
                assertThat(order == 0).as("%s against %s", left, right).isEqualTo(left.equals(right));
                assertThat(Integer.signum(type.compare(right, left))).isEqualTo(-Integer.signum(order));
            }
            assertThat(type.compare(left, new KeyValue(List.copyOf(left.stream().toList()))))
                    .isZero();
        }
    }

    @Test
    void keysReadBackAsTheSameKeysWhetherWrittenAsBsonOrAsH2WritesThem() {
        List<KeyValue> bson = new ArrayList<>(keys);
        bson.addAll(List.of(
                new KeyValue("acme", null),
                new KeyValue(Instant.ofEpochMilli(1_790_000_000_123L), new ObjectId()),
                new KeyValue(Long.MAX_VALUE, Integer.MIN_VALUE, -0.5)));
        List<KeyValue> h2 = List.of(new KeyValue(new Document("a", 1)), new KeyValue((Object) List.of(1, 2)));

        for (KeyValue key : bson) {
            ByteBuffer written = written(type, key);
            assertThat(written.get(0)).as("%s", key).isEqualTo((byte) 0xF0);
            assertReadsBack(written, key);
        }
        for (KeyValue key : h2) {
            ByteBuffer written = written(type, key);
            assertThat(written.get(0)).as("%s", key).isNotEqualTo((byte) 0xF0);
            assertReadsBack(written, key);
        }
    }

    @Test
    void keysWrittenByH2sOwnTypeStillReadBack() {
        for (KeyValue key : keys) {
            assertReadsBack(written(new ObjectDataType(), key), key);
        }
    }

    private void assertReadsBack(ByteBuffer written, KeyValue key) {
        Object read = type.read(written);
        assertThat(read).as("%s", key).isEqualTo(key);
        assertThat(type.compare(read, key)).isZero();
        assertThat(written.hasRemaining()).isFalse();
    }

    private static ByteBuffer written(ObjectDataType type, Object key) {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, key);
        return buffer.getBuffer().flip();
    }
}
