package io.touchpoint.gateway.auth;

import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Asks each authenticator in turn; the first that knows the key answers. */
public final class CompositeApiKeyAuthenticator implements ApiKeyAuthenticator {

    private final List<ApiKeyAuthenticator> delegates;

    public CompositeApiKeyAuthenticator(List<ApiKeyAuthenticator> delegates) {
        this.delegates = List.copyOf(delegates);
    }

    @Override
    public Mono<Optional<Caller>> authenticate(String apiKey, RejectionBudget budget) {
        return Flux.fromIterable(delegates)
                .concatMap(delegate -> delegate.authenticate(apiKey, budget))
                .filter(Optional::isPresent)
                .next()
                .defaultIfEmpty(Optional.empty());
    }
}
