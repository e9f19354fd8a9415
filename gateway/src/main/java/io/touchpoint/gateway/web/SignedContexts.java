package io.touchpoint.gateway.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.touchpoint.tenancy.TenantContext;
import io.touchpoint.tenancy.TenantContextSigner;
import java.time.Clock;
import java.time.Duration;

/**
 * Signed tenant context headers, each reused for the rest of the second it was signed in. The header is stamped in
 * whole seconds, so signing the same context again within that second gives the same header: one HMAC per caller and
 * second instead of one per request (the signer builds a new {@code Mac} on every call). Near a second boundary a
 * header may be reused up to a second after the signer's clock moved on, well within the services' validity window.
 */
final class SignedContexts {

    private record Signed(long epochSecond, String header) {}

    private final TenantContextSigner signer;
    private final Clock clock;
    private final Cache<TenantContext, Signed> recent;

    SignedContexts(TenantContextSigner signer, Clock clock) {
        this.signer = signer;
        this.clock = clock;
        this.recent = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(Duration.ofSeconds(2))
                .build();
    }

    String header(TenantContext context) {
        long now = clock.millis() / 1000;
        Signed signed = recent.getIfPresent(context);
        if (signed == null || signed.epochSecond() != now) {
            signed = new Signed(now, signer.sign(context));
            recent.put(context, signed);
        }
        return signed.header();
    }
}
