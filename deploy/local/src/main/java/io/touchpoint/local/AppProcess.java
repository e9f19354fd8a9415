package io.touchpoint.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One running app: a child JVM whose output goes to {@code .touchpoint/logs/<name>.log}. */
final class AppProcess {

    private final App app;

    private final Process process;

    private final Path logFile;

    private final Path pidFile;

    private final Instant startedAt;

    private volatile Instant readyAt;

    private List<ProcessHandle> descendantsAtStop = List.of();

    private AppProcess(App app, Process process, Path logFile, Path pidFile, Instant startedAt) {
        this.app = app;
        this.process = process;
        this.logFile = logFile;
        this.pidFile = pidFile;
        this.startedAt = startedAt;
    }

    static AppProcess start(App app, List<String> command, Map<String, String> environment, RunDirectory run) {
        Path logFile = run.logFile(app.name());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(run.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
        builder.environment().putAll(environment);
        try {
            Instant startedAt = Instant.now();
            Process process = builder.start();
            Path pidFile = run.writeAppPid(app, process.pid());
            return new AppProcess(app, process, logFile, pidFile, startedAt);
        } catch (IOException ex) {
            throw new LauncherException("Cannot start " + app.name() + ": " + ex.getMessage(), ex);
        }
    }

    App app() {
        return app;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    boolean isReady() {
        return readyAt != null;
    }

    Duration markReady() {
        readyAt = Instant.now();
        return Duration.between(startedAt, readyAt);
    }

    Path logFile() {
        return logFile;
    }

    /** Asks the app to shut down gracefully (SIGTERM), remembering its descendants to clean them up afterwards. */
    void requestStop() {
        if (process.isAlive()) {
            descendantsAtStop = process.descendants().toList();
            process.destroy();
        }
    }

    /** Waits for the app to exit until {@code deadline}, then kills it and whatever it started. */
    void awaitStop(Instant deadline) {
        try {
            long remaining =
                    Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
            if (!process.waitFor(remaining, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException ex) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        for (ProcessHandle descendant : descendantsAtStop) {
            if (descendant.isAlive()) {
                descendant.destroyForcibly();
            }
        }
        try {
            Files.deleteIfExists(pidFile);
            Files.deleteIfExists(pidFile.resolveSibling(app.name() + ".port"));
        } catch (IOException ex) {
            // a stale pid file names a dead process, which down and status recognise
        }
    }

    /** The last {@code count} lines of the app's log, to show why it failed. */
    List<String> logTail(int count) {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return new ArrayList<>(lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException ex) {
            return List.of("(cannot read " + logFile + ": " + ex.getMessage() + ")");
        } catch (UncheckedIOException ex) {
            return List.of("(cannot read " + logFile + ")");
        }
    }
}
