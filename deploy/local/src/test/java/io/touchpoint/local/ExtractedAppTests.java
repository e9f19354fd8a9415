package io.touchpoint.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractedAppTests {

    @TempDir
    Path temp;

    @Test
    void stampMatchesOnlyTheSameBuildOfTheJar() throws IOException {
        Path jar = Files.writeString(temp.resolve("app.jar"), "first build");
        Path stamp = Files.writeString(temp.resolve("stamp"), ExtractedApp.stampOf(jar));
        assertThat(ExtractedApp.isCurrent(stamp, ExtractedApp.stampOf(jar))).isTrue();

        Files.writeString(jar, "second build, longer");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(ExtractedApp.isCurrent(stamp, ExtractedApp.stampOf(jar))).isFalse();
    }

    @Test
    void missingStampIsNotCurrent() throws IOException {
        Path jar = Files.writeString(temp.resolve("app.jar"), "build");
        assertThat(ExtractedApp.isCurrent(temp.resolve("none"), ExtractedApp.stampOf(jar)))
                .isFalse();
    }

    @Test
    void jarThatCannotBeExtractedRunsAsIs() throws IOException {
        Path jar = Files.writeString(temp.resolve("not-spring-boot.jar"), "not a jar at all");
        Jdk running = new Jdk(
                Path.of(System.getProperty("java.home")), Runtime.version().feature());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));

        ExtractedApp app = ExtractedApp.prepare(jar, temp.resolve("apps/x"), running, console);

        assertThat(app.jar()).isEqualTo(jar);
        assertThat(app.sharedArchive()).isEmpty();
        assertThat(err.toString()).contains("could not extract not-spring-boot.jar");
    }
}
