package io.touchpoint.gateway.auth;

import java.util.Optional;
import reactor.core.publisher.Mono;

/** The plan of an active tenant, or empty when there is no such active tenant. */
@FunctionalInterface
public interface TenantPlans {

    Mono<Optional<String>> planOf(String tenantId);
}
