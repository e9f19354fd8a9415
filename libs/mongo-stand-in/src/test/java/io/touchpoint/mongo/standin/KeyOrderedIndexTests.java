package io.touchpoint.mongo.standin;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import java.util.List;
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
}
