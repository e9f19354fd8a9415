package io.touchpoint.local;

/** Where the apps find their AMQP 0-9-1 broker, and whether the launcher runs it in-process. */
record AmqpBroker(
        String host,
        int port,
        String username,
        String password,
        String virtualHost,
        String description,
        AutoCloseable embedded) {

    static AmqpBroker external(LauncherSettings settings, String host, String description) {
        return new AmqpBroker(
                host,
                settings.rabbitPort(),
                settings.rabbitUsername(),
                settings.rabbitPassword(),
                settings.rabbitVirtualHost(),
                description,
                null);
    }

    boolean isEmbedded() {
        return embedded != null;
    }
}
