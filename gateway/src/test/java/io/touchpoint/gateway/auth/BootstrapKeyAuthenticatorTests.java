package io.touchpoint.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.touchpoint.tenancy.TenantContext;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BootstrapKeyAuthenticatorTests {

    private static final TenantContext ACME = new TenantContext("acme", "key_acme", Set.of("tickets:read"));
    private static final TenantContext DEMO = new TenantContext("demo", "key_demo", Scopes.ALL);

    private final BootstrapKeyAuthenticator authenticator = new BootstrapKeyAuthenticator(List.of(
            BootstrapKeyAuthenticator.entry(
                    HexFormat.of().formatHex(BootstrapKeyAuthenticator.sha256("acme-secret")), ACME),
            BootstrapKeyAuthenticator.clearTextEntry("demo-secret", DEMO)));

    @Test
    void keyConfiguredByItsDigestResolvesToItsTenant() {
        assertThat(authenticator.authenticate("acme-secret").block()).contains(ACME);
    }

    @Test
    void clearTextKeyResolvesToItsTenant() {
        assertThat(authenticator.authenticate("demo-secret").block()).contains(DEMO);
    }

    @Test
    void unknownOrTruncatedKeyResolvesToNothing() {
        assertThat(authenticator.authenticate("acme-secre").block()).isEmpty();
        assertThat(authenticator.authenticate("").block()).isEmpty();
    }

    @Test
    void digestThatIsNotSha256HexIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> BootstrapKeyAuthenticator.entry("abc", ACME));
    }
}
