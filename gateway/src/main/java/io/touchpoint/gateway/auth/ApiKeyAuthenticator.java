package io.touchpoint.gateway.auth;

import io.touchpoint.tenancy.TenantContext;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Resolves an API key presented as {@code Authorization: Bearer <key>} to the tenant context it stands for, or to
 * an empty optional when the key is unknown. Implementations must not reveal through timing which part of a key
 * matched.
 */
public interface ApiKeyAuthenticator {

    Mono<Optional<TenantContext>> authenticate(String apiKey);
}
