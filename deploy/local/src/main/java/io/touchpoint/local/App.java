package io.touchpoint.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** One of the platform's deployables: its Maven module, the port it listens on, the env var that overrides it. */
record App(String name, int port, String portVariable) {

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    String readinessUrl() {
        return baseUrl() + "/readyz";
    }

    /** The module's Spring Boot executable jar, {@code <module>/target/<module>-<version>.jar}, if it is built. */
    Optional<Path> findJar(Path root) {
        Path target = root.resolve(name).resolve("target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> isExecutableJar(file.getFileName().toString()))
                    .max(Comparator.comparing(App::lastModified));
        } catch (IOException ex) {
            return Optional.empty();
        }
    }

    private boolean isExecutableJar(String fileName) {
        return fileName.startsWith(name + "-")
                && fileName.endsWith(".jar")
                && !fileName.endsWith("-plain.jar")
                && !fileName.endsWith("-sources.jar")
                && !fileName.endsWith("-javadoc.jar")
                && !fileName.endsWith("-tests.jar");
    }

    private static long lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException ex) {
            return 0;
        }
    }
}
