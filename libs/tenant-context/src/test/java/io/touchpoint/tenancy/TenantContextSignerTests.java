package io.touchpoint.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.touchpoint.tenancy.InvalidTenantContextException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TenantContextSignerTests {

    private static final String KEY = "0123456789abcdef0123456789abcdef-test-key";
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final TenantContext ACME = new TenantContext("acme", "key_123", Set.of("tickets:read", "agent"));

    private final TenantContextSigner signer = signerAt(NOW);

    @Test
    void signedContextVerifies() {
        assertThat(signer.verify(signer.sign(ACME))).isEqualTo(ACME);
    }

    @Test
    void contextWithoutScopesRoundTrips() {
        TenantContext noScopes = new TenantContext("acme", "key_123", Set.of());
        assertThat(signer.verify(signer.sign(noScopes))).isEqualTo(noScopes);
    }

    @Test
    void missingHeaderIsRefused() {
        assertRefused(null, Reason.MISSING);
        assertRefused(" ", Reason.MISSING);
    }

    @Test
    void headerSignedWithAnotherKeyIsForged() {
        TenantContextSigner other = TenantContextSigner.fromSecret(
                "another-key-of-at-least-32-bytes!!", Duration.ofSeconds(30), clock(NOW));
        assertRefused(other.sign(ACME), Reason.FORGED);
    }

    @Test
    void changedPayloadIsForged() {
        String[] parts = signer.sign(ACME).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String otherTenant = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.replace("acme", "evil").getBytes(StandardCharsets.UTF_8));
        assertRefused(parts[0] + "." + otherTenant + "." + parts[2], Reason.FORGED);
    }

    @Test
    void headerOlderThanTheValidityWindowIsExpired() {
        String header = signerAt(NOW.minusSeconds(31)).sign(ACME);
        assertRefused(header, Reason.EXPIRED);
    }

    @Test
    void headerFromTheFutureIsExpired() {
        String header = signerAt(NOW.plusSeconds(60)).sign(ACME);
        assertRefused(header, Reason.EXPIRED);
    }

    @Test
    void headerWithinTheValidityWindowVerifies() {
        String header = signerAt(NOW.minusSeconds(29)).sign(ACME);
        assertThat(signer.verify(header).tenantId()).isEqualTo("acme");
    }

    @Test
    void headerVerifiedBeforeExpiresAllTheSameWhenItsWindowEnds() {
        AtomicReference<Instant> now = new AtomicReference<>(NOW);
        TenantContextSigner remembering =
                new TenantContextSigner(KEY.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(30), new Clock() {
                    @Override
                    public ZoneOffset getZone() {
                        return ZoneOffset.UTC;
                    }

                    @Override
                    public Clock withZone(java.time.ZoneId zone) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public Instant instant() {
                        return now.get();
                    }
                });
        String header = remembering.sign(ACME);

        assertThat(remembering.verify(header)).isEqualTo(ACME);
        now.set(NOW.plusSeconds(29));
        assertThat(remembering.verify(header)).isEqualTo(ACME);
        now.set(NOW.plusSeconds(31));
        assertRefused(remembering, header, Reason.EXPIRED);
    }

    @Test
    void garbageIsMalformed() {
        assertRefused("v1.not-base64!.x", Reason.MALFORMED);
        assertRefused("v2.a.b", Reason.MALFORMED);
        assertRefused("just-text", Reason.MALFORMED);
    }

    @Test
    void shortKeysAreRejected() {
        assertThatThrownBy(() -> TenantContextSigner.fromSecret("short", Duration.ofSeconds(30), clock(NOW)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tenantIdsWithSeparatorsAreRejected() {
        assertThatThrownBy(() -> new TenantContext("acme\nevil", "p", Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TenantContext("acme", "p", Set.of("a b")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void assertRefused(String header, Reason reason) {
        assertRefused(signer, header, reason);
    }

    private static void assertRefused(TenantContextSigner verifier, String header, Reason reason) {
        assertThatThrownBy(() -> verifier.verify(header))
                .isInstanceOfSatisfying(InvalidTenantContextException.class, e -> assertThat(e.reason())
                        .isEqualTo(reason));
    }

    private static TenantContextSigner signerAt(Instant instant) {
        return TenantContextSigner.fromSecret(KEY, Duration.ofSeconds(30), clock(instant));
    }

    private static Clock clock(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }
}
