package io.touchpoint.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Everything the launcher reads from its environment, with the local defaults. */
record LauncherSettings(
        Path root,
        App gateway,
        int gatewayManagementPort,
        List<App> services,
        int mongoPort,
        String externalMongoUri,
        String externalRabbitHost,
        int rabbitPort,
        String rabbitUsername,
        String rabbitPassword,
        String rabbitVirtualHost,
        BrokerMode brokerMode,
        String demoTenant,
        List<String> extraJavaOptions,
        boolean classDataSharing,
        int readinessTimeoutSeconds) {

    /** The gateway's actuator (metrics, health details): not on its public port. */
    static final String GATEWAY_MANAGEMENT_PORT = "TOUCHPOINT_GATEWAY_MANAGEMENT_PORT";

    static LauncherSettings from(Path root, Map<String, String> env) {
        App gateway = app(env, "gateway", 8080, "TOUCHPOINT_GATEWAY_PORT");
        List<App> services = List.of(
                app(env, "profile-service", 8081, "TOUCHPOINT_PROFILE_PORT"),
                app(env, "channel-service", 8082, "TOUCHPOINT_CHANNEL_PORT"),
                app(env, "ticket-service", 8083, "TOUCHPOINT_TICKET_PORT"),
                app(env, "feedback-service", 8084, "TOUCHPOINT_FEEDBACK_PORT"));
        String javaOptions = env.getOrDefault("TOUCHPOINT_JAVA_OPTS", "").trim();
        return new LauncherSettings(
                root,
                gateway,
                intValue(env, GATEWAY_MANAGEMENT_PORT, 8090),
                services,
                intValue(env, "TOUCHPOINT_MONGO_PORT", 27018),
                blankToNull(env.get("MONGODB_URI")),
                blankToNull(env.get("RABBITMQ_HOST")),
                intValue(env, "RABBITMQ_PORT", 5672),
                env.getOrDefault("RABBITMQ_USERNAME", "guest"),
                env.getOrDefault("RABBITMQ_PASSWORD", "guest"),
                env.getOrDefault("RABBITMQ_VHOST", "/"),
                BrokerMode.from(env.getOrDefault("TOUCHPOINT_BROKER", "auto")),
                env.getOrDefault("TOUCHPOINT_DEMO_TENANT", "demo"),
                javaOptions.isEmpty() ? List.of() : List.of(javaOptions.split("\\s+")),
                !"false"
                        .equalsIgnoreCase(
                                env.getOrDefault("TOUCHPOINT_CDS", "true").trim()),
                intValue(env, "TOUCHPOINT_READY_TIMEOUT", 120));
    }

    /** {@code TOUCHPOINT_BROKER}: find RabbitMQ and fall back to the embedded broker, or insist on one of them. */
    enum BrokerMode {
        AUTO,
        RABBITMQ,
        EMBEDDED;

        static BrokerMode from(String value) {
            try {
                return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                throw new LauncherException("TOUCHPOINT_BROKER=" + value + " is not one of auto, rabbitmq, embedded");
            }
        }
    }

    Path stateDirectory() {
        return root.resolve(".touchpoint");
    }

    /** Gateway last: it is started after the services and stopped before them. */
    List<App> allApps() {
        return java.util.stream.Stream.concat(services.stream(), java.util.stream.Stream.of(gateway))
                .toList();
    }

    private static App app(Map<String, String> env, String name, int defaultPort, String portVariable) {
        return new App(name, intValue(env, portVariable, defaultPort), portVariable);
    }

    static int intValue(Map<String, String> env, String name, int defaultValue) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException ex) {
            throw new LauncherException(name + "=" + value + " is not a number");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
