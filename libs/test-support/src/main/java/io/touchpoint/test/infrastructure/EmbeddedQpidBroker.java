package io.touchpoint.test.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivilegedExceptionAction;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.security.auth.Subject;
import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.SystemLauncherListener;
import org.apache.qpid.server.model.Broker;
import org.apache.qpid.server.model.SystemConfig;
import org.apache.qpid.server.model.VirtualHostNode;

/**
 * An in-process Qpid Broker-J speaking AMQP 0-9-1 on 127.0.0.1, configured as shared/STACK.md found it works with the
 * Rabbit binder: model version 9.1, in-memory stores, unknown queue arguments logged rather than refused.
 */
final class EmbeddedQpidBroker implements VirtualHosts {

    private static final String INITIAL_CONFIGURATION =
            """
            {
              "name": "touchpoint-embedded",
              "modelVersion": "9.1",
              "authenticationproviders": [{
                "name": "plain",
                "type": "Plain",
                "secureOnlyMechanisms": [],
                "users": [{"name": "%1$s", "type": "managed", "password": "%2$s"}]
              }],
              "ports": [{
                "name": "AMQP",
                "port": "%3$d",
                "bindingAddress": "127.0.0.1",
                "protocols": ["AMQP_0_9_1", "AMQP_0_9", "AMQP_0_8"],
                "authenticationProvider": "plain",
                "virtualhostaliases": [
                  {"name": "nameAlias", "type": "nameAlias"},
                  {"name": "defaultAlias", "type": "defaultAlias"},
                  {"name": "hostnameAlias", "type": "hostnameAlias"}
                ]
              }],
              "virtualhostnodes": [{
                "name": "default",
                "type": "Memory",
                "defaultVirtualHostNode": "true",
                "virtualHostInitialConfiguration": "{\\"type\\": \\"Memory\\"}"
              }]
            }
            """;

    private final SystemLauncher launcher;
    private final Path workDirectory;
    private final int port;
    private volatile Broker<?> broker;

    private EmbeddedQpidBroker(String username, String password) throws Exception {
        this.workDirectory = Files.createTempDirectory("touchpoint-qpid");
        this.port = freePort();
        Path configuration = workDirectory.resolve("initial-config.json");
        Files.writeString(configuration, INITIAL_CONFIGURATION.formatted(username, password, port));

        Map<String, Object> context = new HashMap<>();
        context.put("qpid.work_dir", workDirectory.toString());
        context.put("qpid.broker.defaultPreferenceStoreAttributes", "{\"type\": \"Noop\"}");
        // Spring Cloud Stream declares quorum/DLX arguments Qpid does not know; refusing them breaks the binder.
        context.put("queue.behaviourOnUnknownDeclareArgument", "LOG");

        Map<String, Object> attributes = new HashMap<>();
        attributes.put("type", "Memory");
        attributes.put("initialConfigurationLocation", configuration.toUri().toString());
        attributes.put("startupLoggedToSystemOut", false);
        attributes.put("context", context);

        this.launcher = new SystemLauncher(new SystemLauncherListener.DefaultSystemLauncherListener() {
            @Override
            public void onContainerResolve(SystemConfig<?> systemConfig) {
                broker = systemConfig.getContainer(Broker.class);
            }
        });
        launcher.startup(attributes);
    }

    static EmbeddedQpidBroker start(String username, String password) throws Exception {
        return new EmbeddedQpidBroker(username, password);
    }

    int port() {
        return port;
    }

    @Override
    public void create(String name) throws Exception {
        Map<String, Object> node = Map.of(
                VirtualHostNode.NAME,
                name,
                VirtualHostNode.TYPE,
                "Memory",
                "virtualHostInitialConfiguration",
                "{\"type\": \"Memory\"}");
        asSystem(() -> broker.createChild(VirtualHostNode.class, node));
    }

    @Override
    public void delete(String name) throws Exception {
        asSystem(() -> {
            VirtualHostNode<?> node = broker.getChildByName(VirtualHostNode.class, name);
            if (node != null) {
                node.delete();
            }
            return null;
        });
    }

    void stop() {
        launcher.shutdown();
        try (Stream<Path> files = Files.walk(workDirectory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temporary directory left behind is harmless.
        }
    }

    @SuppressWarnings("removal") // Qpid's model checks the caller's Subject; this is how its own tests act as system.
    private <T> T asSystem(PrivilegedExceptionAction<T> action) throws Exception {
        Subject system = new Subject(true, Set.of(launcher.getSystemPrincipal()), Set.of(), Set.of());
        try {
            return Subject.doAs(system, action);
        } catch (java.security.PrivilegedActionException e) {
            throw e.getException();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
