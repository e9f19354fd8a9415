package io.touchpoint.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdkLocatorTests {

    @TempDir
    Path temp;

    @Test
    void parsesModernVersionOutput() {
        String output =
                """
                openjdk version "17.0.15" 2025-04-15
                OpenJDK Runtime Environment (build 17.0.15+6-Debian-1deb12u1)
                """;
        assertThat(JdkLocator.parseVersionOutput(output)).hasValue(17);
    }

    @Test
    void parsesLegacyAndEarlyAccessVersions() {
        assertThat(JdkLocator.parseVersionOutput("java version \"1.8.0_392\"")).hasValue(8);
        assertThat(JdkLocator.parseVersionOutput("openjdk version \"21-ea\" 2023-09-19"))
                .hasValue(21);
        assertThat(JdkLocator.parseVersionOutput("openjdk version \"25\" 2025-09-16"))
                .hasValue(25);
    }

    @Test
    void unparsableVersionOutputGivesNothing() {
        assertThat(JdkLocator.parseVersionOutput("bash: java: command not found"))
                .isEmpty();
        assertThat(JdkLocator.parseVersionOutput("openjdk version \"abc\"")).isEmpty();
    }

    @Test
    void parsesReleaseFile() {
        String release =
                """
                IMPLEMENTOR="Eclipse Adoptium"
                JAVA_VERSION="25.0.1"
                JAVA_VERSION_DATE="2025-10-21"
                """;
        assertThat(JdkLocator.parseReleaseFile(release)).hasValue(25);
    }

    @Test
    void newestPrefersTheHighestFeatureVersion() {
        Jdk jdk17 = new Jdk(Path.of("/jdk17"), 17);
        Jdk jdk25 = new Jdk(Path.of("/jdk25"), 25);
        Jdk jdk21 = new Jdk(Path.of("/jdk21"), 21);
        assertThat(JdkLocator.newest(List.of(jdk17, jdk25, jdk21))).contains(jdk25);
    }

    @Test
    void newestIgnoresJdksOlderThan17() {
        assertThat(JdkLocator.newest(List.of(new Jdk(Path.of("/jdk11"), 11)))).isEmpty();
    }

    @Test
    void explicitJavaHomeIsUsedWhenItIsAJdk17OrLater() throws IOException {
        Path home = fakeJdk("jdk-21", "21.0.5");
        Jdk jdk = new JdkLocator(Map.of("TOUCHPOINT_JAVA_HOME", home.toString())).locate();
        assertThat(jdk.featureVersion()).isEqualTo(21);
        assertThat(jdk.home()).isEqualTo(home.toRealPath());
    }

    @Test
    void explicitJavaHomeOlderThan17IsRejected() throws IOException {
        Path home = fakeJdk("jdk-11", "11.0.2");
        assertThatThrownBy(() -> new JdkLocator(Map.of("TOUCHPOINT_JAVA_HOME", home.toString())).locate())
                .isInstanceOf(LauncherException.class)
                .hasMessageContaining("not a JDK 17 or later");
    }

    @Test
    void discoverFindsJavaHomeAndTheRunningJdk() throws IOException {
        Path home = fakeJdk("jdk-99", "99.0.1");
        List<Jdk> found = new JdkLocator(Map.of("JAVA_HOME", home.toString(), "PATH", "")).discover();
        assertThat(found)
                .extracting(Jdk::featureVersion)
                .contains(99, Runtime.version().feature());
    }

    private Path fakeJdk(String name, String version) throws IOException {
        Path home = temp.resolve(name);
        Path java = home.resolve("bin").resolve("java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"" + version + "\"' >&2\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
        return home;
    }
}
