package io.touchpoint.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.touchpoint.tenancy.TenantContext;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BootstrapKeyAuthenticatorTests {

    private static final Caller ACME =
            new Caller(new TenantContext("acme", "key_acme", Set.of("tickets:read")), "key_acme", "standard");
    private static final Caller DEMO =
            new Caller(new TenantContext("demo", "key_demo", Scopes.ALL), "key_demo", "standard");

    private final BootstrapKeyAuthenticator authenticator = new BootstrapKeyAuthenticator(List.of(
            BootstrapKeyAuthenticator.entry(ApiKeySecrets.hash("acme-secret"), ACME),
            BootstrapKeyAuthenticator.clearTextEntry("demo-secret", DEMO)));

    @Test
    void keyConfiguredByItsDigestResolvesToItsCaller() {
        assertThat(authenticator
                        .authenticate("acme-secret", RejectionBudget.UNLIMITED)
                        .block())
                .contains(ACME);
    }

    @Test
    void clearTextKeyResolvesToItsCaller() {
        assertThat(authenticator
                        .authenticate("demo-secret", RejectionBudget.UNLIMITED)
                        .block())
                .contains(DEMO);
    }

    @Test
    void unknownOrTruncatedKeyResolvesToNothing() {
        assertThat(authenticator
                        .authenticate("acme-secre", RejectionBudget.UNLIMITED)
                        .block())
                .isEmpty();
        assertThat(authenticator.authenticate("", RejectionBudget.UNLIMITED).block())
                .isEmpty();
    }

    @Test
    void digestThatIsNotSha256HexIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> BootstrapKeyAuthenticator.entry("abc", ACME));
    }
}
