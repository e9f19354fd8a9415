package io.touchpoint.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.qpid.server.SystemLauncher;

/**
 * Apache Qpid Broker-J in the launcher's JVM, speaking AMQP 0-9-1 well enough for the Rabbit binder. Only for machines
 * with no RabbitMQ at all: it ignores quorum/TTL/DLX arguments ({@code queue.behaviourOnUnknownDeclareArgument=LOG}
 * makes it accept them instead of refusing the declaration) and keeps messages in memory.
 */
final class EmbeddedQpidBroker implements AutoCloseable {

    private static final String INITIAL_CONFIGURATION =
            """
            {
              "name": "touchpoint-embedded",
              "modelVersion": "9.1",
              "context": {
                "queue.behaviourOnUnknownDeclareArgument": "LOG"
              },
              "authenticationproviders": [ {
                "name": "plain",
                "type": "Plain",
                "secureOnlyMechanisms": [],
                "users": [ { "name": "guest", "password": "guest", "type": "managed" } ]
              } ],
              "ports": [ {
                "name": "AMQP",
                "port": "${qpid.amqp_port}",
                "bindingAddress": "127.0.0.1",
                "authenticationProvider": "plain",
                "virtualhostaliases": [
                  { "name": "nameAlias", "type": "nameAlias" },
                  { "name": "defaultAlias", "type": "defaultAlias" }
                ]
              } ],
              "virtualhostnodes": [ {
                "name": "default",
                "type": "Memory",
                "defaultVirtualHostNode": "true",
                "virtualHostInitialConfiguration": "{\\"type\\": \\"Memory\\"}"
              } ]
            }
            """;

    private static boolean urlSchemesRegistered;

    private final SystemLauncher launcher;

    private EmbeddedQpidBroker(SystemLauncher launcher) {
        this.launcher = launcher;
    }

    static EmbeddedQpidBroker start(Path workDirectory, int port) {
        Path initialConfiguration = workDirectory.resolve("initial-config.json");
        try {
            Files.createDirectories(workDirectory);
            Files.writeString(initialConfiguration, INITIAL_CONFIGURATION, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        Map<String, Object> context = new HashMap<>();
        context.put("qpid.amqp_port", port);
        context.put("qpid.work_dir", workDirectory.toAbsolutePath().toString());
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("type", "Memory");
        attributes.put(
                "initialConfigurationLocation", initialConfiguration.toUri().toString());
        attributes.put("startupLoggedToSystemOut", false);
        attributes.put("context", context);
        registerQpidUrlSchemes();
        SystemLauncher launcher = new SystemLauncher();
        try {
            launcher.startup(attributes);
        } catch (Exception ex) {
            throw new LauncherException("The embedded Qpid broker did not start on port " + port, ex);
        }
        return new EmbeddedQpidBroker(launcher);
    }

    /**
     * Qpid reads {@code classpath:} and {@code data:} URLs through handlers it announces in
     * {@code java.protocol.handler.pkgs}, which the JDK resolves with the system class loader only; inside the
     * launcher's executable jar Qpid lives in a nested class loader, so the handlers are registered directly.
     */
    private static synchronized void registerQpidUrlSchemes() {
        if (urlSchemesRegistered) {
            return;
        }
        try {
            URL.setURLStreamHandlerFactory(protocol -> switch (protocol) {
                case "classpath" -> new org.apache.qpid.server.util.urlstreamhandler.classpath.Handler();
                case "data" -> new org.apache.qpid.server.util.urlstreamhandler.data.Handler();
                default -> null;
            });
        } catch (Error alreadySet) {
            // another component installed a factory; Qpid's own registration is then the only chance
        }
        urlSchemesRegistered = true;
    }

    @Override
    public void close() {
        launcher.shutdown();
    }
}
