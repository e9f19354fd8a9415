package io.touchpoint.test.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

@SpringBootTest(classes = RealInfrastructureSpringIT.Application.class)
@RealInfrastructure
class RealInfrastructureSpringIT {

    private static final String QUEUE = "greetings";

    @Autowired
    private RabbitTemplate rabbitTemplate;

    @Autowired
    private CachingConnectionFactory connectionFactory;

    @Autowired
    private MongoClient mongoClient;

    @Autowired
    private TestVirtualHost virtualHost;

    @Autowired
    private TestDatabase database;

    @Autowired
    private RabbitAdmin rabbitAdmin;

    @Value("${spring.mongodb.database}")
    private String mongoDatabaseName;

    @BeforeEach
    void declareQueues() {
        // The admin declares the Queue beans when the application first connects; make that happen before the test.
        rabbitAdmin.initialize();
    }

    @Test
    void applicationUsesTheVirtualHostOfThisTestClass() {
        assertThat(virtualHost).isEqualTo(TestInfrastructure.virtualHostFor(RealInfrastructureSpringIT.class));
        assertThat(virtualHost.name()).startsWith("t_realinfrastructurespringit_");
        assertThat(connectionFactory.getVirtualHost()).isEqualTo(virtualHost.name());
        assertThat(connectionFactory.getPort())
                .isEqualTo(TestInfrastructure.rabbit().port());
    }

    @Test
    void messageSentByTheApplicationArrivesOnTheTestsOwnVirtualHost(Channel channel) throws Exception {
        rabbitTemplate.convertAndSend("", QUEUE, "hello from the application");

        // Sent on another connection: poll until the broker has routed it.
        GetResponse received =
                await().atMost(Duration.ofSeconds(5)).until(() -> channel.basicGet(QUEUE, true), Objects::nonNull);

        assertThat(new String(received.getBody(), StandardCharsets.UTF_8)).isEqualTo("hello from the application");
    }

    @Test
    void messageSentByTheTestReachesTheApplication(Channel channel) throws Exception {
        channel.basicPublish("", QUEUE, null, "hello from the test".getBytes(StandardCharsets.UTF_8));

        Message received = rabbitTemplate.receive(QUEUE, 5_000);

        assertThat(received).isNotNull();
        assertThat(new String(received.getBody(), StandardCharsets.UTF_8)).isEqualTo("hello from the test");
    }

    @Test
    void applicationUsesTheDatabaseOfThisTestClass(MongoDatabase testDatabase) {
        assertThat(mongoDatabaseName).isEqualTo(database.name()).startsWith("t_realinfrastructurespringit_");
        assertThat(testDatabase.getName()).isEqualTo(database.name());

        mongoClient
                .getDatabase(mongoDatabaseName)
                .getCollection("profiles")
                .insertOne(new Document("_id", "p1").append("name", "Ada"));

        Document found = testDatabase
                .getCollection("profiles")
                .find(new Document("_id", "p1"))
                .first();
        assertThat(found).isNotNull();
        assertThat(found.getString("name")).isEqualTo("Ada");
    }

    @Nested
    class NestedTests {

        @Autowired
        private TestVirtualHost nestedVirtualHost;

        @Test
        void nestedClassSharesTheVirtualHostAndDatabaseOfItsOuterClass(TestDatabase nestedDatabase) {
            assertThat(nestedVirtualHost).isEqualTo(virtualHost);
            assertThat(nestedDatabase).isEqualTo(database);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {

        @Bean
        Queue greetings() {
            return new Queue(QUEUE, false);
        }
    }
}
