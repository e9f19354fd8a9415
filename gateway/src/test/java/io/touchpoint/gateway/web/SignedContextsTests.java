package io.touchpoint.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchpoint.tenancy.TenantContext;
import io.touchpoint.tenancy.TenantContextSigner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SignedContextsTests {

    private static final String KEY = "signed-contexts-tests-key-0123456789abcdef";
    private static final TenantContext ACME = new TenantContext("acme", "key_acme", Set.of("tickets:read"));
    private static final TenantContext GLOBEX = new TenantContext("globex", "key_globex", Set.of("tickets:read"));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00.100Z"));
    private final TenantContextSigner signer = TenantContextSigner.fromSecret(KEY, Duration.ofSeconds(30), clock);
    private final SignedContexts signedContexts = new SignedContexts(signer, clock);

    @Test
    void sameContextWithinOneSecondReusesTheSignedHeader() {
        String first = signedContexts.header(ACME);
        clock.advance(Duration.ofMillis(800));

        assertThat(signedContexts.header(ACME)).isSameAs(first);
        assertThat(signer.verify(first)).isEqualTo(ACME);
    }

    @Test
    void nextSecondSignsAgain() {
        String first = signedContexts.header(ACME);
        clock.advance(Duration.ofMillis(900));

        String next = signedContexts.header(ACME);

        assertThat(next).isNotEqualTo(first);
        assertThat(signer.verify(next)).isEqualTo(ACME);
    }

    @Test
    void eachContextHasItsOwnHeader() {
        assertThat(signer.verify(signedContexts.header(ACME))).isEqualTo(ACME);
        assertThat(signer.verify(signedContexts.header(GLOBEX))).isEqualTo(GLOBEX);
    }

    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
