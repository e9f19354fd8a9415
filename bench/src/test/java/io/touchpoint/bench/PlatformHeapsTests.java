package io.touchpoint.bench;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformHeapsTests {

    @Test
    void collectsTheHeapOfEveryJvmWithAPidFile(@TempDir Path pids) throws Exception {
        Path app = Files.writeString(
                pids.resolve("Idle.java"),
                "class Idle { public static void main(String[] a) throws Exception {"
                        + " System.out.println(\"up\"); System.in.read(); } }");
        Path gcLog = pids.resolve("gc.log");
        String java = ProcessHandle.current().info().command().orElseThrow();
        // Idle until its standard input, a pipe from this test, ends: destroyed below.
        Process jvm = new ProcessBuilder(java, "-Xlog:gc:file=" + gcLog, app.toString())
                .redirectErrorStream(true)
                .redirectOutput(pids.resolve("out.log").toFile())
                .start();
        try {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> read(pids.resolve("out.log")).contains("up"));
            Files.writeString(pids.resolve("idle.pid"), Long.toString(jvm.pid()));

            PlatformHeaps.of(pids).collect();

            await().atMost(Duration.ofSeconds(10)).until(() -> read(gcLog).contains("Diagnostic Command"));
        } finally {
            jvm.destroyForcibly();
        }
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }
}
