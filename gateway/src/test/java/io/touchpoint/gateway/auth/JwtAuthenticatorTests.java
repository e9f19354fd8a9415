package io.touchpoint.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtException;
import reactor.core.publisher.Mono;

class JwtAuthenticatorTests {

    @Test
    void scopesComeFromASpaceSeparatedClaimOrAListKeepingOnlyTenantScopes() {
        assertThat(JwtAuthenticator.scopes("tickets:read  profiles:write admin openid"))
                .containsExactlyInAnyOrder("tickets:read", "profiles:write");
        assertThat(JwtAuthenticator.scopes(List.of("agent", "admin"))).containsExactly("agent");
        assertThat(JwtAuthenticator.scopes(null)).isEmpty();
    }

    @Test
    void subjectBecomesAPrincipalATenantContextCanCarry() {
        assertThat(JwtAuthenticator.principal("auth0|5f7c 12")).isEqualTo("jwt:auth0_5f7c_12");
        assertThat(JwtAuthenticator.principal("x".repeat(300))).hasSize(120);
    }

    @Test
    void onlyThreeDotSeparatedPartsLookLikeAJwt() {
        assertThat(JwtAuthenticator.looksLikeJwt("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln"))
                .isTrue();
        assertThat(JwtAuthenticator.looksLikeJwt(ApiKeySecrets.newSecret())).isFalse();
        assertThat(JwtAuthenticator.looksLikeJwt("a.b")).isFalse();
    }

    @Test
    void aTokenTheDecoderRefusesIsNoCaller() {
        JwtAuthenticator authenticator = new JwtAuthenticator(
                token -> Mono.error(new BadJwtException("bad signature")), null, "tenant", "scope");

        assertThat(authenticator.authenticate(TOKEN, RejectionBudget.UNLIMITED).block())
                .isEmpty();
    }

    @Test
    void anUnreachableKeySetIsAnOutageNotABadToken() {
        JwtAuthenticator authenticator = new JwtAuthenticator(
                token -> Mono.error(new JwtException("Couldn't retrieve remote JWK set")), null, "tenant", "scope");

        assertThatThrownBy(() -> authenticator
                        .authenticate(TOKEN, RejectionBudget.UNLIMITED)
                        .block())
                .isInstanceOf(CredentialStoreUnavailableException.class);
    }

    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln";
}
