package io.touchpoint.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeySecretsTests {

    @Test
    void newSecretsCarryTheLivePrefixAnd256RandomBits() {
        String secret = ApiKeySecrets.newSecret();

        assertThat(secret).startsWith("tp_live_").hasSize("tp_live_".length() + 43);
        assertThat(ApiKeySecrets.looksIssued(secret)).isTrue();
    }

    @Test
    void newSecretsNeverRepeat() {
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            secrets.add(ApiKeySecrets.newSecret());
        }
        assertThat(secrets).hasSize(1000);
    }

    @Test
    void hashIsTheHexSha256OfTheSecret() {
        assertThat(ApiKeySecrets.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void displayPrefixRevealsOnlyTheStart() {
        String secret = ApiKeySecrets.newSecret();

        assertThat(ApiKeySecrets.displayPrefix(secret))
                .isEqualTo(secret.substring(0, 12) + "…")
                .doesNotContain(secret.substring(12));
    }

    @Test
    void tokensOfAnotherShapeAreNotLookedUp() {
        assertThat(ApiKeySecrets.looksIssued("tp_demo_0123456789")).isFalse();
        assertThat(ApiKeySecrets.looksIssued("eyJhbGciOiJSUzI1NiJ9.e30.sig")).isFalse();
        assertThat(ApiKeySecrets.looksIssued(ApiKeySecrets.newSecret() + "x")).isFalse();
    }
}
