package io.touchpoint.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.touchpoint.tenancy.TenantContext;
import io.touchpoint.tenancy.TenantContextSigner;
import io.touchpoint.test.infrastructure.RealInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** OAuth2 JWT bearer tokens from an identity provider whose JWKS a real HTTP server publishes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class JwtAuthenticationIT {

    private static final String SHARED_KEY = "jwt-it-shared-key-0123456789abcdef";
    private static final String ADMIN_KEY = "tp_admin_jwt_it_0123456789";
    private static final String ISSUER = "https://idp.example.com/";
    private static final String TENANT = "jwt-tenant";

    private static final RSAKey signingKey = rsaKey("idp-1");
    private static final RSAKey otherKey = rsaKey("idp-1");
    private static final HttpServer identityProvider = jwks(new JWKSet(signingKey.toPublicJWK()));
    private static final RecordingDownstream services = RecordingDownstream.start();

    private final TenantContextSigner verifier =
            TenantContextSigner.fromSecret(SHARED_KEY, Duration.ofSeconds(30), Clock.systemUTC());

    @LocalServerPort
    private int port;

    private WebTestClient client;

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        registry.add("TICKET_SERVICE_URI", services::uri);
        registry.add("PROFILE_SERVICE_URI", services::uri);
        registry.add("touchpoint.tenant-context.key", () -> SHARED_KEY);
        registry.add("touchpoint.gateway.admin-key", () -> ADMIN_KEY);
        registry.add("touchpoint.gateway.rate-limits.enabled", () -> false);
        registry.add("touchpoint.gateway.jwt.issuer-uri", () -> ISSUER);
        registry.add(
                "touchpoint.gateway.jwt.jwk-set-uri",
                () -> "http://127.0.0.1:" + identityProvider.getAddress().getPort() + "/jwks");
        registry.add("touchpoint.gateway.jwt.audiences", () -> "touchpoint");
        registry.add("touchpoint.gateway.jwt.tenant-claim", () -> "org");
    }

    @BeforeEach
    void setUp() {
        client = TestGateway.client(port);
        services.clear();
        client.post()
                .uri("/v1/admin/tenants")
                .headers(headers -> headers.setBearerAuth(ADMIN_KEY))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("id", TENANT, "name", "JWT tenant", "plan", "enterprise"))
                .exchange();
    }

    @AfterAll
    static void stop() {
        identityProvider.stop(0);
        services.close();
    }

    @Test
    void validTokenReachesTheServiceAsItsTenantWithItsScopes() {
        String token = token(signingKey, claims -> claims.claim("scope", "tickets:read profiles:read admin"));

        get("/v1/tickets/tkt_1", token).expectStatus().isOk();

        TenantContext context = verifier.verify(services.next().headers().getFirst(TenantContextSigner.HEADER));
        assertThat(context.tenantId()).isEqualTo(TENANT);
        assertThat(context.principal()).isEqualTo("jwt:user_42");
        assertThat(context.scopes()).containsExactlyInAnyOrder("tickets:read", "profiles:read");
    }

    @Test
    void tokenWithoutTheScopeIsForbidden() {
        String token = token(signingKey, claims -> claims.claim("scope", "tickets:read"));

        get("/v1/profiles/prf_1", token).expectStatus().isForbidden();
        get("/v1/admin/tenants", token).expectStatus().isForbidden();
    }

    @Test
    void expiredTokenIsRefused() {
        String token = token(
                signingKey,
                claims -> claims.expirationTime(Date.from(Instant.now().minusSeconds(300))));

        get("/v1/tickets/tkt_1", token).expectStatus().isUnauthorized();
    }

    @Test
    void tokenFromAnotherIssuerIsRefused() {
        String token = token(signingKey, claims -> claims.issuer("https://evil.example.com/"));

        get("/v1/tickets/tkt_1", token).expectStatus().isUnauthorized();
    }

    @Test
    void tokenForAnotherAudienceIsRefused() {
        String token = token(signingKey, claims -> claims.audience("someone-else"));

        get("/v1/tickets/tkt_1", token).expectStatus().isUnauthorized();
    }

    @Test
    void tokenSignedWithAnotherKeyIsRefused() {
        String token = token(otherKey, claims -> {});

        get("/v1/tickets/tkt_1", token).expectStatus().isUnauthorized();
        assertThat(services.nothingReceived()).isTrue();
    }

    @Test
    void tokenNamingAnUnknownTenantIsRefused() {
        String token = token(signingKey, claims -> claims.claim("org", "no-such-tenant"));

        get("/v1/tickets/tkt_1", token).expectStatus().isUnauthorized();
    }

    private WebTestClient.ResponseSpec get(String path, String token) {
        return client.get()
                .uri(path)
                .headers(headers -> headers.setBearerAuth(token))
                .exchange();
    }

    private static String token(RSAKey key, Consumer<JWTClaimsSet.Builder> customizer) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("user|42")
                .audience(List.of("touchpoint"))
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .claim("org", TENANT)
                .claim("scope", "tickets:read");
        customizer.accept(claims);
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey rsaKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer jwks(JWKSet keys) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] body = keys.toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
