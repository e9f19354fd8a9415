package io.touchpoint.gateway.auth;

import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Resolves an API key presented as {@code Authorization: Bearer <key>} to the caller it stands for, or to an empty
 * optional when the key is unknown, revoked or expired. Implementations must not reveal through timing which part of
 * a key matched. A store that cannot answer signals {@link CredentialStoreUnavailableException}.
 */
public interface ApiKeyAuthenticator {

    /**
     * The caller {@code apiKey} stands for. A credential that would need a store lookup the {@code budget} does not
     * allow ends in {@link LookupRefusedException}.
     */
    Mono<Optional<Caller>> authenticate(String apiKey, RejectionBudget budget);
}
