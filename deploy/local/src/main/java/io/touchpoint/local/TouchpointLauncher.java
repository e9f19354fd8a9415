package io.touchpoint.local;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the whole platform on this machine: a MongoDB stand-in and (when needed) a broker in this JVM, then the four
 * services and the gateway as child JVMs. Stops them all on Ctrl-C / SIGTERM. Started by {@code deploy/local/touchpoint
 * up}.
 */
public final class TouchpointLauncher {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final LauncherSettings settings;

    private final Map<String, String> environment;

    private final RunDirectory run;

    private final Console console;

    private final ReadinessProbe probe = new ReadinessProbe();

    private final List<AppProcess> apps = new CopyOnWriteArrayList<>();

    private final AtomicBoolean stopping = new AtomicBoolean();

    private final long ownPid = ProcessHandle.current().pid();

    private volatile EmbeddedMongo mongo;

    private volatile AmqpBroker broker;

    private volatile boolean claimed;

    TouchpointLauncher(LauncherSettings settings, Map<String, String> environment, Console console) {
        this.settings = settings;
        this.environment = environment;
        this.run = new RunDirectory(settings.root());
        this.console = console;
    }

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Console console = new Console(System.out, System.err);
        Path root = Path.of(System.getProperty("touchpoint.root", "."))
                .toAbsolutePath()
                .normalize();
        try {
            LauncherSettings settings = LauncherSettings.from(root, System.getenv());
            TouchpointLauncher launcher = new TouchpointLauncher(settings, System.getenv(), console);
            Runtime.getRuntime().addShutdownHook(new Thread(launcher::stop, "touchpoint-shutdown"));
            launcher.start();
            launcher.watch();
        } catch (LauncherException ex) {
            console.error(ex.getMessage());
            if (ex.getCause() != null) {
                console.error("cause: " + ex.getCause());
            }
            System.exit(1);
        } catch (RuntimeException ex) {
            console.error("unexpected failure: " + ex);
            ex.printStackTrace();
            System.exit(1);
        }
    }

    void start() {
        Instant startedAt = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        run.createFolders();
        run.claim(ownPid);
        claimed = true;
        checkPortsAreFree();
        Jdk jdk = new JdkLocator(environment).locate();
        List<App> missing = settings.allApps().stream()
                .filter(app -> app.findJar(settings.root()).isEmpty())
                .toList();
        if (!missing.isEmpty()) {
            throw new LauncherException(
                    "Not built: " + missing.stream().map(App::name).toList()
                            + ". Run deploy/local/touchpoint up (it builds what is missing) or ./mvnw -B -DskipTests package");
        }
        Secrets secrets = Secrets.loadOrCreate(run.secretsFile());
        String mongoUri = startMongo();
        broker = new BrokerResolver(settings, environment, console).resolve();
        run.writeInfrastructure(describeMongo(mongoUri), broker.description());
        console.info("MongoDB: " + describeMongo(mongoUri));
        console.info("Broker:  " + broker.description());
        console.info("Apps run on " + jdk + (jdk.supportsVirtualThreads() ? ", virtual threads on" : ""));

        Map<App, ExtractedApp> runnable = prepareApps(jdk);
        for (App service : settings.services()) {
            launch(service, jdk, runnable.get(service), infrastructureEnvironment(service, mongoUri, secrets));
        }
        launch(settings.gateway(), jdk, runnable.get(settings.gateway()), gatewayEnvironment(mongoUri, secrets));
        awaitReady();
        printWelcome(Duration.between(startedAt, Instant.now()), jdk, secrets);
    }

    private void checkPortsAreFree() {
        List<String> taken = new ArrayList<>();
        for (App app : settings.allApps()) {
            if (Ports.isInUse(app.port())) {
                taken.add(app.port() + " (" + app.name() + "; set " + app.portVariable() + " to move it)");
            }
        }
        if (Ports.isInUse(settings.gatewayManagementPort())) {
            taken.add(settings.gatewayManagementPort() + " (the gateway's actuator; set "
                    + LauncherSettings.GATEWAY_MANAGEMENT_PORT + " to move it)");
        }
        if (settings.externalMongoUri() == null && Ports.isInUse(settings.mongoPort())) {
            taken.add(settings.mongoPort() + " (MongoDB stand-in; set TOUCHPOINT_MONGO_PORT to move it)");
        }
        if (Ports.isInUse(smtpPort())) {
            taken.add(smtpPort() + " (channel-service's SMTP listener; set TOUCHPOINT_CHANNEL_EMAIL_PORT to move it)");
        }
        if (!taken.isEmpty()) {
            throw new LauncherException("Port already in use: " + String.join(", ", taken));
        }
    }

    private String startMongo() {
        if (settings.externalMongoUri() != null) {
            return settings.externalMongoUri();
        }
        mongo = EmbeddedMongo.start(run.mongoDataFile(), settings.mongoPort());
        return mongo.connectionString();
    }

    private String describeMongo(String uri) {
        return mongo == null
                ? withoutCredentials(uri) + " (MONGODB_URI)"
                : uri + " (embedded mongo-java-server, H2 file "
                        + settings.root().relativize(run.mongoDataFile()) + ")";
    }

    private Map<String, String> gatewayEnvironment(String mongoUri, Secrets secrets) {
        // The gateway keeps tenants and API keys in its own database and tells its replicas about revocations over
        // the broker, so it gets the same infrastructure as the services.
        Map<String, String> env = infrastructureEnvironment(settings.gateway(), mongoUri, secrets);
        env.put("MONGODB_DATABASE", "touchpoint_gateway");
        env.put("MANAGEMENT_PORT", Integer.toString(settings.gatewayManagementPort()));
        for (App service : settings.services()) {
            env.put(uriVariable(service), service.baseUrl());
        }
        env.put("TOUCHPOINT_DEMO_API_KEY", secrets.demoApiKey());
        env.put("TOUCHPOINT_DEMO_TENANT", settings.demoTenant());
        env.put("TOUCHPOINT_ADMIN_API_KEY", secrets.adminApiKey());
        return env;
    }

    private Map<String, String> infrastructureEnvironment(App app, String mongoUri, Secrets secrets) {
        Map<String, String> env = new HashMap<>();
        env.put("PORT", Integer.toString(app.port()));
        env.put("MONGODB_URI", mongoUri);
        env.put("RABBITMQ_HOST", broker.host());
        env.put("RABBITMQ_PORT", Integer.toString(broker.port()));
        env.put("RABBITMQ_USERNAME", broker.username());
        env.put("RABBITMQ_PASSWORD", broker.password());
        env.put("RABBITMQ_VHOST", broker.virtualHost());
        env.put("TOUCHPOINT_TENANT_CONTEXT_KEY", secrets.tenantContextKey());
        if (app.name().equals("channel-service")) {
            env.put("TOUCHPOINT_CHANNEL_SECRETS_KEY", secrets.channelSecretsKey());
            env.put("TOUCHPOINT_CHANNEL_EMAIL_PORT", Integer.toString(smtpPort()));
        }
        return env;
    }

    /** Where channel-service takes inbound mail (SMTP) for the inbound addresses of email connections. */
    private int smtpPort() {
        return LauncherSettings.intValue(environment, "TOUCHPOINT_CHANNEL_EMAIL_PORT", 2525);
    }

    /** {@code mongodb://user:secret@host} → {@code mongodb://***@host}: URIs are printed and written to disk. */
    static String withoutCredentials(String uri) {
        return uri.replaceFirst("//[^/@]*@", "//***@");
    }

    /** profile-service → PROFILE_SERVICE_URI. */
    static String uriVariable(App service) {
        return service.name().toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_URI";
    }

    /** Extracts the jars that changed since the last start, all at once. */
    private Map<App, ExtractedApp> prepareApps(Jdk jdk) {
        Map<App, ExtractedApp> prepared = new ConcurrentHashMap<>();
        List<App> apps = settings.allApps();
        if (!settings.classDataSharing()) {
            apps.forEach(app -> prepared.put(app, new ExtractedApp(jarOf(app), Optional.empty())));
            return prepared;
        }
        Instant started = Instant.now();
        ExecutorService extractors = Executors.newFixedThreadPool(apps.size());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (App app : apps) {
                running.add(extractors.submit(() -> prepared.put(
                        app, ExtractedApp.prepare(jarOf(app), run.appDirectory(app.name()), jdk, console))));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } catch (ExecutionException ex) {
            throw ex.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted while preparing the apps");
        } finally {
            extractors.shutdownNow();
        }
        Duration took = Duration.between(started, Instant.now());
        if (took.toMillis() > 1000) {
            console.info(String.format(
                    "prepared the jars for class-data sharing in %.1f s (once per build)", took.toMillis() / 1000.0));
        }
        return prepared;
    }

    private Path jarOf(App app) {
        return app.findJar(settings.root()).orElseThrow();
    }

    private void launch(App app, Jdk jdk, ExtractedApp runnable, Map<String, String> env) {
        if (stopping.get()) {
            return;
        }
        AppProcess process =
                AppProcess.start(app, JvmOptions.command(jdk, settings.extraJavaOptions(), runnable), env, run);
        apps.add(process);
        console.info("started " + app.name() + " (pid " + process.pid() + ", port " + app.port() + ", log "
                + settings.root().relativize(process.logFile()) + ")");
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plusSeconds(settings.readinessTimeoutSeconds());
        while (!stopping.get() && apps.stream().anyMatch(app -> !app.isReady())) {
            for (AppProcess app : apps) {
                if (app.isReady() || stopping.get()) {
                    continue;
                }
                if (!app.isAlive()) {
                    failed(app, app.app().name() + " exited with code " + app.exitValue() + " before it was ready");
                }
                if (probe.isReady(app.app())) {
                    Duration took = app.markReady();
                    console.info(String.format(
                            "%-16s ready on :%d after %.1f s",
                            app.app().name(), app.app().port(), took.toMillis() / 1000.0));
                }
            }
            if (Instant.now().isAfter(deadline)) {
                AppProcess late =
                        apps.stream().filter(app -> !app.isReady()).findFirst().orElseThrow();
                failed(late, late.app().name() + " was not ready after " + settings.readinessTimeoutSeconds() + " s");
            }
            sleep(POLL_INTERVAL);
        }
    }

    private void failed(AppProcess app, String message) {
        if (stopping.get()) {
            return;
        }
        console.error(message + ". Last lines of " + app.logFile() + ":");
        app.logTail(40).forEach(line -> console.raw("    " + line));
        throw new LauncherException("Start-up failed; stopping everything.");
    }

    private void printWelcome(Duration took, Jdk jdk, Secrets secrets) {
        if (stopping.get()) {
            return;
        }
        String gateway = "http://localhost:" + settings.gateway().port();
        console.raw("");
        console.raw(String.format(
                "Touchpoint is up: gateway and 4 services ready in %.1f s (JDK %d).",
                took.toMillis() / 1000.0, jdk.featureVersion()));
        console.raw("");
        console.raw("  Gateway   " + gateway);
        console.raw("  Demo key  " + secrets.demoApiKey() + "  (tenant '" + settings.demoTenant() + "')");
        console.raw("  Admin key " + secrets.adminApiKey() + "  (platform admin: /v1/admin/tenants, api-keys, plans)");
        console.raw("  Metrics   http://localhost:" + settings.gatewayManagementPort()
                + "/actuator/prometheus  (the gateway's; each service's on its own port)");
        console.raw("  Email     smtp://localhost:" + smtpPort()
                + "  (inbound mail for email connections' inboundAddress)");
        console.raw("  Data      " + settings.root().relativize(run.directory()) + "/  (kept across restarts)");
        console.raw(
                "  Logs      deploy/local/touchpoint logs <app>   e.g. deploy/local/touchpoint logs ticket-service");
        console.raw("");
        console.raw("Try it:");
        console.raw("  curl -s " + gateway + "/health/tickets");
        console.raw("  curl -s -H \"Authorization: Bearer " + secrets.demoApiKey() + "\" " + gateway
                + "/v1/tickets/tkt_example");
        console.raw("  curl -s -H \"Authorization: Bearer " + secrets.adminApiKey() + "\" " + gateway
                + "/v1/admin/tenants");
        console.raw("  open " + gateway + "/docs   (the merged API reference)");
        console.raw("");
        console.raw("Stop with Ctrl-C, or from another terminal: deploy/local/touchpoint down");
        if (broker.isEmbedded()) {
            console.warn("running on the EMBEDDED broker: fine for trying Touchpoint, not for production.");
        }
    }

    /** After start-up: report an app that dies, until the launcher is told to stop. */
    private void watch() {
        List<AppProcess> reported = new ArrayList<>();
        while (!stopping.get()) {
            for (AppProcess app : apps) {
                if (!app.isAlive() && !reported.contains(app) && !stopping.get()) {
                    reported.add(app);
                    console.error(app.app().name() + " (pid " + app.pid() + ") exited with code " + app.exitValue()
                            + "; the others keep running. Last lines of its log:");
                    app.logTail(20).forEach(line -> console.raw("    " + line));
                }
            }
            sleep(Duration.ofSeconds(1));
        }
    }

    /** Gateway first (no new requests), then the services together, then the broker and the database. */
    void stop() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        boolean anythingStarted = !apps.isEmpty() || mongo != null || broker != null;
        if (!apps.isEmpty()) {
            console.info("stopping " + apps.size() + " apps...");
        }
        List<AppProcess> gateway = apps.stream()
                .filter(app -> app.app().equals(settings.gateway()))
                .toList();
        List<AppProcess> services =
                apps.stream().filter(app -> !gateway.contains(app)).toList();
        stopTogether(gateway);
        stopTogether(services);
        closeQuietly("broker", broker == null ? null : broker.embedded());
        closeQuietly("MongoDB stand-in", mongo);
        if (claimed) {
            run.release(ownPid);
        }
        if (anythingStarted) {
            console.info("stopped.");
        }
    }

    private static void stopTogether(List<AppProcess> processes) {
        processes.forEach(AppProcess::requestStop);
        Instant deadline = Instant.now().plus(STOP_GRACE);
        processes.forEach(process -> process.awaitStop(deadline));
    }

    private void closeQuietly(String what, AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ex) {
            console.warn("could not stop the " + what + " cleanly: " + ex.getMessage());
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
