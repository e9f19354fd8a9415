package io.touchpoint.test.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestInfrastructureTests {

    @Test
    void uniqueNamesCarryTheHintAndDiffer() {
        String first = TestInfrastructure.uniqueName("OrderFlowIT");
        String second = TestInfrastructure.uniqueName("OrderFlowIT");

        assertThat(first).matches("t_orderflowit_[0-9a-f]{8}");
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void uniqueNamesAreValidMongoDatabaseNames() {
        String name =
                TestInfrastructure.uniqueName("A very/long.hint$with \"odd\" characters, longer than any sane one");

        assertThat(name).hasSizeLessThan(64).matches("t_[a-z0-9_]+");
    }

    @Test
    void nestedClassesBelongToTheirOutermostClass() {
        assertThat(TestInfrastructure.owningTestClass(Inner.Deeper.class)).isEqualTo(TestInfrastructureTests.class);
        assertThat(TestInfrastructure.owningTestClass(StaticMember.class)).isEqualTo(StaticMember.class);
    }

    class Inner {
        class Deeper {}
    }

    static class StaticMember {}
}
