package io.touchpoint.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTests {

    @TempDir
    Path temp;

    @Test
    void firstStartGeneratesKeysOfTheAgreedShape() {
        Secrets secrets = Secrets.loadOrCreate(temp.resolve(".touchpoint/secrets.properties"));
        assertThat(secrets.tenantContextKey().getBytes(StandardCharsets.UTF_8)).hasSizeGreaterThanOrEqualTo(32);
        assertThat(secrets.channelSecretsKey().getBytes(StandardCharsets.UTF_8)).hasSizeGreaterThanOrEqualTo(32);
        assertThat(secrets.channelSecretsKey()).isNotEqualTo(secrets.tenantContextKey());
        assertThat(secrets.demoApiKey()).matches("tp_demo_[A-Za-z0-9_-]{32}");
        assertThat(secrets.adminApiKey()).matches("tp_admin_[A-Za-z0-9_-]{32}");
    }

    @Test
    void fileFromAnOlderLauncherKeepsItsKeysAndGainsTheMissingOne() throws IOException {
        Path file = temp.resolve("secrets.properties");
        String tenantContextKey = "k".repeat(40);
        Files.writeString(file, "tenant-context-key=" + tenantContextKey + "\ndemo-api-key=tp_demo_abc\n");
        Secrets secrets = Secrets.loadOrCreate(file);
        assertThat(secrets.tenantContextKey()).isEqualTo(tenantContextKey);
        assertThat(secrets.demoApiKey()).isEqualTo("tp_demo_abc");
        assertThat(secrets.adminApiKey()).startsWith("tp_admin_");
        assertThat(Secrets.loadOrCreate(file)).isEqualTo(secrets);
    }

    @Test
    void laterStartsReuseTheSameKeys() {
        Path file = temp.resolve("secrets.properties");
        Secrets first = Secrets.loadOrCreate(file);
        Secrets second = Secrets.loadOrCreate(file);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void separateFoldersGetDifferentKeys() {
        Secrets one = Secrets.loadOrCreate(temp.resolve("one/secrets.properties"));
        Secrets other = Secrets.loadOrCreate(temp.resolve("other/secrets.properties"));
        assertThat(other.tenantContextKey()).isNotEqualTo(one.tenantContextKey());
        assertThat(other.demoApiKey()).isNotEqualTo(one.demoApiKey());
    }

    @Test
    void fileIsReadableByItsOwnerOnly() throws IOException {
        Path file = temp.resolve("secrets.properties");
        Secrets.loadOrCreate(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void damagedFileIsReplacedWithFreshKeys() throws IOException {
        Path file = temp.resolve("secrets.properties");
        Files.writeString(file, "tenant-context-key=too-short\n");
        Secrets secrets = Secrets.loadOrCreate(file);
        assertThat(secrets.tenantContextKey()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(Secrets.loadOrCreate(file)).isEqualTo(secrets);
    }

    @Test
    void toStringDoesNotRevealTheKeys() {
        Secrets secrets = Secrets.loadOrCreate(temp.resolve("secrets.properties"));
        assertThat(secrets.toString())
                .doesNotContain(secrets.tenantContextKey())
                .doesNotContain(secrets.demoApiKey())
                .doesNotContain(secrets.adminApiKey());
    }
}
