package io.touchpoint.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An app's executable jar extracted once ({@code java -Djarmode=tools -jar app.jar extract}) into
 * {@code .touchpoint/apps/<name>/}, so its classes load from plain jars on the class path and the JVM can keep them in
 * a class-data-sharing archive: measured here, a service alone started in under 2 s with the archive instead of
 * 5–9 s from the jar as built.
 * Re-extracted whenever the jar changes.
 */
record ExtractedApp(Path jar, Optional<Path> sharedArchive) {

    private static final String STAMP = ".extracted-from";

    /** The extracted app, or the original jar when extraction is not possible (for example, not a Spring Boot jar). */
    static ExtractedApp prepare(Path sourceJar, Path directory, Jdk jdk, Console console) {
        Path extractedJar = directory.resolve(sourceJar.getFileName());
        Path stamp = directory.resolve(STAMP);
        String expected = stampOf(sourceJar);
        try {
            if (!(Files.isRegularFile(extractedJar) && isCurrent(stamp, expected))) {
                deleteRecursively(directory);
                Files.createDirectories(directory.getParent());
                if (!extract(sourceJar, directory, jdk)) {
                    console.warn("could not extract " + sourceJar.getFileName() + "; running it as is (slower start)");
                    return new ExtractedApp(sourceJar, Optional.empty());
                }
                Files.writeString(stamp, expected, StandardCharsets.UTF_8);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot prepare " + directory, ex);
        }
        Optional<Path> archive = jdk.supportsAutoCreatedSharedArchive()
                ? Optional.of(directory.resolve("jdk" + jdk.featureVersion() + ".jsa"))
                : Optional.empty();
        return new ExtractedApp(extractedJar, archive);
    }

    /** What identifies a build of the jar: its path, size and modification time. */
    static String stampOf(Path jar) {
        try {
            return jar.toAbsolutePath() + "\n" + Files.size(jar) + "\n"
                    + Files.getLastModifiedTime(jar).toMillis() + "\n";
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static boolean isCurrent(Path stamp, String expected) {
        try {
            return Files.isRegularFile(stamp)
                    && Files.readString(stamp, StandardCharsets.UTF_8).equals(expected);
        } catch (IOException ex) {
            return false;
        }
    }

    private static boolean extract(Path sourceJar, Path directory, Jdk jdk) throws IOException {
        Process process = new ProcessBuilder(
                        jdk.javaExecutable().toString(),
                        "-Djarmode=tools",
                        "-jar",
                        sourceJar.toString(),
                        "extract",
                        "--destination",
                        directory.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
        } catch (InterruptedException ex) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return false;
        }
        return process.exitValue() == 0 && Files.isRegularFile(directory.resolve(sourceJar.getFileName()));
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
