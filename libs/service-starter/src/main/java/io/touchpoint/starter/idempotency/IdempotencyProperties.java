package io.touchpoint.starter.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How {@code Idempotency-Key} requests are remembered.
 *
 * @param enabled whether {@code POST} requests with an {@code Idempotency-Key} are deduplicated
 * @param retention how long a key and its response are kept (and replayed)
 * @param lockTimeout how long a request may hold a key before it is presumed dead (its replica crashed) and the key
 *     may be claimed again
 */
@ConfigurationProperties("touchpoint.idempotency")
public record IdempotencyProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("24h") Duration retention,
        @DefaultValue("1m") Duration lockTimeout,
        // The body is read into memory to fingerprint it; anything larger is refused (413) rather than buffered.
        @DefaultValue("1MB") DataSize maxBody) {}
