package io.touchpoint.test.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A plain JUnit test (no Spring) against the class's own virtual host and database. */
@RealInfrastructure
class RealInfrastructureExtensionIT {

    private static final List<Connection> connectionsSeen = new ArrayList<>();

    @BeforeAll
    static void declareQueue(Channel channel) throws Exception {
        channel.queueDeclare("inbox", false, false, true, null);
    }

    @Test
    void publishedMessageComesBackOnTheClassesVirtualHost(Channel channel, TestVirtualHost virtualHost)
            throws Exception {
        channel.basicPublish("", "inbox", null, "ping".getBytes(StandardCharsets.UTF_8));

        GetResponse response = channel.basicGet("inbox", true);

        assertThat(response).isNotNull();
        assertThat(new String(response.getBody(), StandardCharsets.UTF_8)).isEqualTo("ping");
        assertThat(channel.getConnection().getAddress().getHostAddress()).isNotBlank();
        assertThat(virtualHost.name()).startsWith("t_realinfrastructureextensionit_");
    }

    @Test
    void connectionFactoryOpensConnectionsOnTheClassesVirtualHost(
            ConnectionFactory factory, TestVirtualHost virtualHost) throws Exception {
        assertThat(factory.getVirtualHost()).isEqualTo(virtualHost.name());
        try (Connection connection = factory.newConnection();
                Channel channel = connection.createChannel()) {
            // The queue declared in @BeforeAll exists here, so this is the same virtual host.
            assertThat(channel.queueDeclarePassive("inbox").getQueue()).isEqualTo("inbox");
        }
    }

    @Test
    void testsShareOneConnection(Connection connection) {
        connectionsSeen.add(connection);
        assertThat(connection.isOpen()).isTrue();
    }

    @Test
    void testsShareOneConnectionToo(Connection connection) {
        connectionsSeen.add(connection);
        assertThat(connectionsSeen).allSatisfy(seen -> assertThat(seen).isSameAs(connection));
    }

    @Test
    void documentWrittenIsFoundInTheClassesDatabase(MongoDatabase database, TestDatabase testDatabase) {
        assertThat(database.getName()).isEqualTo(testDatabase.name());

        database.getCollection("consents").insertOne(new Document("_id", "c1").append("granted", true));

        Document found = database.getCollection("consents")
                .find(new Document("_id", "c1"))
                .first();
        assertThat(found).isNotNull();
        assertThat(found.getBoolean("granted")).isTrue();
    }
}
