package io.touchpoint.test.infrastructure;

import com.rabbitmq.client.ConnectionFactory;

/** The RabbitMQ virtual host of one test class: nothing published by another test class reaches it. */
public record TestVirtualHost(String name, RabbitEndpoint broker) {

    /** A new amqp-client connection factory for this virtual host. */
    public ConnectionFactory connectionFactory() {
        return broker.connectionFactory(name);
    }
}
