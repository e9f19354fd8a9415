package io.touchpoint.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The {@code .touchpoint/} folder: data, logs, secrets, and the pid files that {@code touchpoint down} and
 * {@code touchpoint status} read.
 */
final class RunDirectory {

    private final Path root;

    private final Path directory;

    RunDirectory(Path root) {
        this.root = root;
        this.directory = root.resolve(".touchpoint");
    }

    Path root() {
        return root;
    }

    Path directory() {
        return directory;
    }

    Path mongoDataFile() {
        return directory.resolve("mongo").resolve("touchpoint.mv");
    }

    Path secretsFile() {
        return directory.resolve("secrets.properties");
    }

    Path logFile(String name) {
        return directory.resolve("logs").resolve(name + ".log");
    }

    /** The app's extracted jar and class-data-sharing archive: a cache, safe to delete while stopped. */
    Path appDirectory(String name) {
        return directory.resolve("apps").resolve(name);
    }

    Path launcherPidFile() {
        return directory.resolve("launcher.pid");
    }

    Path pidDirectory() {
        return directory.resolve("pids");
    }

    void createFolders() {
        try {
            Files.createDirectories(directory.resolve("logs"));
            Files.createDirectories(pidDirectory());
            Files.createDirectories(directory.resolve("mongo"));
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot create " + directory, ex);
        }
    }

    /**
     * Records this launcher as the running one, or refuses when another launcher, or an app a crashed launcher left
     * behind, is still alive.
     */
    void claim(long ownPid) {
        readPid(launcherPidFile())
                .filter(pid -> pid != ownPid)
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .ifPresent(other -> {
                    throw new LauncherException("Touchpoint is already running (launcher pid " + other.pid()
                            + "). Stop it with: deploy/local/touchpoint down");
                });
        try (Stream<Path> pidFiles = Files.list(pidDirectory())) {
            for (Path pidFile :
                    pidFiles.filter(f -> f.toString().endsWith(".pid")).toList()) {
                Optional<ProcessHandle> leftover =
                        readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
                if (leftover.isPresent()) {
                    String name = pidFile.getFileName().toString().replace(".pid", "");
                    throw new LauncherException("A previous run left " + name + " running (pid "
                            + leftover.get().pid() + "). Stop it with: deploy/local/touchpoint down");
                }
                Files.deleteIfExists(pidFile);
                Files.deleteIfExists(
                        pidFile.resolveSibling(pidFile.getFileName().toString().replace(".pid", ".port")));
            }
            write(launcherPidFile(), Long.toString(ownPid));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    Path writeAppPid(App app, long pid) {
        Path pidFile = pidDirectory().resolve(app.name() + ".pid");
        write(pidDirectory().resolve(app.name() + ".port"), Integer.toString(app.port()));
        write(pidFile, Long.toString(pid));
        return pidFile;
    }

    /** One line per backing part, for {@code touchpoint status}. */
    void writeInfrastructure(String mongo, String broker) {
        write(directory.resolve("infrastructure"), "mongo=" + mongo + "\nbroker=" + broker + "\n");
    }

    void release(long ownPid) {
        try {
            if (readPid(launcherPidFile()).stream().anyMatch(pid -> pid == ownPid)) {
                Files.deleteIfExists(launcherPidFile());
            }
            Files.deleteIfExists(directory.resolve("infrastructure"));
        } catch (IOException ex) {
            // nothing useful to do while shutting down
        }
    }

    static Optional<Long> readPid(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).trim();
            return text.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(text));
        } catch (IOException | NumberFormatException ex) {
            return Optional.empty();
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot write " + file, ex);
        }
    }
}
