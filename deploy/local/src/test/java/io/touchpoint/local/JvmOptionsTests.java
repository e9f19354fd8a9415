package io.touchpoint.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JvmOptionsTests {

    private static final ExtractedApp PLAIN = new ExtractedApp(Path.of("app.jar"), Optional.empty());

    @Test
    void onlyJdk21AndLaterGetVirtualThreads() {
        assertThat(JvmOptions.command(new Jdk(Path.of("/jdk17"), 17), List.of(), PLAIN))
                .doesNotContain("-Dspring.threads.virtual.enabled=true");
        assertThat(JvmOptions.command(new Jdk(Path.of("/jdk25"), 25), List.of(), PLAIN))
                .contains("-Dspring.threads.virtual.enabled=true");
    }

    @Test
    void extraOptionsComeLastBeforeTheJarSoTheyWin() {
        assertThat(JvmOptions.command(new Jdk(Path.of("/jdk25"), 25), List.of("-Xmx512m"), PLAIN))
                .startsWith(Path.of("/jdk25/bin/java").toString(), "-Xmx256m")
                .endsWith("-Xmx512m", "-jar", "app.jar");
    }

    @Test
    void aCollectorAmongTheExtraOptionsReplacesTheSerialOneSinceTheJvmRefusesTwo() {
        assertThat(JvmOptions.command(new Jdk(Path.of("/jdk25"), 25), List.of("-XX:+UseParallelGC"), PLAIN))
                .contains("-XX:+UseParallelGC")
                .doesNotContain("-XX:+UseSerialGC");
        assertThat(JvmOptions.command(new Jdk(Path.of("/jdk25"), 25), List.of("-XX:+UseGCOverheadLimit"), PLAIN))
                .contains("-XX:+UseSerialGC");
    }

    @Test
    void sharedArchiveIsCreatedAndUsedAutomaticallyWhenThereIsOne() {
        ExtractedApp extracted = new ExtractedApp(Path.of("apps/x/x.jar"), Optional.of(Path.of("apps/x/jdk25.jsa")));
        assertThat(JvmOptions.command(new Jdk(Path.of("/jdk25"), 25), List.of(), extracted))
                .contains("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + Path.of("apps/x/jdk25.jsa"))
                .endsWith("-jar", Path.of("apps/x/x.jar").toString());
        assertThat(JvmOptions.command(new Jdk(Path.of("/jdk25"), 25), List.of(), PLAIN))
                .noneMatch(option -> option.contains("SharedArchive"));
    }
}
