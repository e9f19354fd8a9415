package io.touchpoint.test.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** Two test classes never see each other's messages or documents, with or without Spring. */
class IsolationIT {

    static class FirstTestClass {}

    static class SecondTestClass {}

    @Test
    void testClassesGetTheirOwnVirtualHostsAndDatabases() {
        assertThat(TestInfrastructure.virtualHostFor(FirstTestClass.class))
                .isNotEqualTo(TestInfrastructure.virtualHostFor(SecondTestClass.class))
                .isEqualTo(TestInfrastructure.virtualHostFor(FirstTestClass.class));
        assertThat(TestInfrastructure.databaseFor(FirstTestClass.class))
                .isNotEqualTo(TestInfrastructure.databaseFor(SecondTestClass.class))
                .isEqualTo(TestInfrastructure.databaseFor(FirstTestClass.class));
    }

    @Test
    void messageInOneClassesVirtualHostIsNotInTheOthers() throws Exception {
        TestVirtualHost first = TestInfrastructure.virtualHostFor(FirstTestClass.class);
        TestVirtualHost second = TestInfrastructure.virtualHostFor(SecondTestClass.class);
        try (Connection firstConnection = first.connectionFactory().newConnection();
                Connection secondConnection = second.connectionFactory().newConnection();
                Channel firstChannel = firstConnection.createChannel();
                Channel secondChannel = secondConnection.createChannel()) {
            firstChannel.queueDeclare("orders", false, false, true, null);
            secondChannel.queueDeclare("orders", false, false, true, null);

            firstChannel.basicPublish("", "orders", null, "for the first".getBytes(StandardCharsets.UTF_8));

            assertThat(secondChannel.basicGet("orders", true)).isNull();
            assertThat(firstChannel.basicGet("orders", true)).isNotNull();
        }
    }

    @Test
    void documentInOneClassesDatabaseIsNotInTheOthers() {
        String first = TestInfrastructure.databaseFor(FirstTestClass.class).name();
        String second = TestInfrastructure.databaseFor(SecondTestClass.class).name();
        try (MongoClient client = MongoClients.create(TestInfrastructure.mongo().connectionString())) {
            client.getDatabase(first).getCollection("tickets").insertOne(new Document("_id", "t1"));

            assertThat(client.getDatabase(second).getCollection("tickets").countDocuments())
                    .isZero();
            assertThat(client.getDatabase(first).getCollection("tickets").countDocuments())
                    .isOne();
        }
    }

    @Test
    void springTestClassesGetDifferentPropertiesAndSoDifferentContexts() {
        var factory = new RealInfrastructureContextCustomizerFactory();

        var first = (RealInfrastructureContextCustomizerFactory.Customizer)
                factory.createContextCustomizer(AnnotatedFirst.class, List.of());
        var second = (RealInfrastructureContextCustomizerFactory.Customizer)
                factory.createContextCustomizer(AnnotatedSecond.class, List.of());

        assertThat(first).isNotEqualTo(second);
        assertThat(first.properties().get("spring.rabbitmq.virtual-host"))
                .isNotEqualTo(second.properties().get("spring.rabbitmq.virtual-host"));
        assertThat(first.properties().get("spring.mongodb.uri"))
                .isNotEqualTo(second.properties().get("spring.mongodb.uri"));
        assertThat(factory.createContextCustomizer(IsolationIT.class, List.of()))
                .as("classes without @RealInfrastructure are left alone")
                .isNull();
    }

    @RealInfrastructure
    static class AnnotatedFirst {}

    @RealInfrastructure
    static class AnnotatedSecond {}
}
