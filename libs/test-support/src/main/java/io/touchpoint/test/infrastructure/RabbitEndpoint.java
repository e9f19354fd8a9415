package io.touchpoint.test.infrastructure;

import com.rabbitmq.client.ConnectionFactory;

/**
 * The AMQP broker the tests of this JVM use.
 *
 * @param managementUrl base URL of the RabbitMQ management HTTP API, or {@code null} when there is none (embedded)
 */
public record RabbitEndpoint(String host, int port, String username, String password, String managementUrl, Kind kind) {

    /** Where the broker came from, in the order they are tried. */
    public enum Kind {
        /** {@code RABBITMQ_HOST}/{@code RABBITMQ_PORT} were set. */
        ENVIRONMENT,
        /** A broker answered on 127.0.0.1:5672. */
        LOCAL,
        /** A Testcontainers RabbitMQ container started for this JVM. */
        CONTAINER,
        /** An in-process Qpid Broker-J: not RabbitMQ, see shared/STACK.md for what it ignores. */
        EMBEDDED
    }

    /** A new amqp-client connection factory for this broker and the given virtual host. */
    public ConnectionFactory connectionFactory(String virtualHost) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(host);
        factory.setPort(port);
        factory.setUsername(username);
        factory.setPassword(password);
        factory.setVirtualHost(virtualHost);
        factory.setConnectionTimeout(5_000);
        return factory;
    }

    @Override
    public String toString() {
        // The password stays out of logs and assertion messages.
        return "RabbitEndpoint[" + kind + " amqp://" + username + "@" + host + ":" + port + ", management="
                + managementUrl + "]";
    }
}
