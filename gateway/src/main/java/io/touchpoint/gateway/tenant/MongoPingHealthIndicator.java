package io.touchpoint.gateway.tenant;

import java.time.Duration;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import reactor.core.publisher.Mono;

/**
 * MongoDB health from the {@code ping} command, which real MongoDB and the wire-protocol stand-in both answer (Boot's
 * own indicator sends {@code hello}, which the stand-in does not know).
 */
public class MongoPingHealthIndicator extends AbstractReactiveHealthIndicator {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final TenantDirectory directory;

    public MongoPingHealthIndicator(TenantDirectory directory) {
        super("MongoDB health check failed");
        this.directory = directory;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return directory
                .ping()
                .timeout(TIMEOUT)
                .map(ok -> ok ? builder.up().build() : builder.down().build());
    }
}
