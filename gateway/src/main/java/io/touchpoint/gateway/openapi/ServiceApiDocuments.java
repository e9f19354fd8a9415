package io.touchpoint.gateway.openapi;

import io.touchpoint.gateway.openapi.OpenApiMerger.ServiceDocument;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The merged API document, built from each service's {@code /v3/api-docs} (the services behind routes with a
 * circuit breaker). Cached for {@link #MAX_AGE} and refreshed in the background; a service that does not answer
 * within {@link #FETCH_TIMEOUT} is left out and listed as missing. A merge that misses a service is rebuilt sooner
 * ({@link #INCOMPLETE_MAX_AGE}), while the caller waits: a service's first document can take longer than the timeout
 * to build (springdoc took 3.3 s in a just-started ticket-service), and the page should show it once it is there.
 */
@Component
public class ServiceApiDocuments {

    static final Duration MAX_AGE = Duration.ofSeconds(30);
    static final Duration INCOMPLETE_MAX_AGE = Duration.ofSeconds(5);
    static final Duration FETCH_TIMEOUT = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(ServiceApiDocuments.class);

    private record Merged(ObjectNode document, Instant builtAt, boolean complete) {

        boolean staleAt(Instant now) {
            return builtAt.plus(complete ? MAX_AGE : INCOMPLETE_MAX_AGE).isBefore(now);
        }
    }

    private final RouteDefinitionLocator routes;
    private final WebClient http;
    private final Clock clock;
    private final AtomicReference<Merged> merged = new AtomicReference<>();
    private final AtomicReference<Mono<Merged>> building = new AtomicReference<>();

    public ServiceApiDocuments(RouteDefinitionLocator routes) {
        this.routes = routes;
        this.http = WebClient.create();
        this.clock = Clock.systemUTC();
    }

    /**
     * The merged document: a fresh build when there is none yet, or when the cached one misses a service and is
     * stale; else the cached one, refreshed in the background when stale.
     */
    public Mono<ObjectNode> document() {
        Merged current = merged.get();
        boolean stale = current != null && current.staleAt(clock.instant());
        if (current == null || stale && !current.complete()) {
            return rebuild().map(Merged::document);
        }
        if (stale) {
            rebuild().subscribe();
        }
        return Mono.just(current.document());
    }

    /** One build at a time; callers arriving meanwhile share it. */
    private Mono<Merged> rebuild() {
        Mono<Merged> inFlight = building.get();
        if (inFlight != null) {
            return inFlight;
        }
        Mono<Merged> build = serviceRoutes()
                .flatMapSequential(this::fetch)
                .collectList()
                .map(documents -> new Merged(
                        OpenApiMerger.merge(documents, "/"),
                        clock.instant(),
                        documents.stream().allMatch(service -> service.document() != null)))
                .doOnNext(merged::set)
                .doFinally(signal -> building.set(null))
                .cache();
        return building.compareAndSet(null, build) ? build : building.get();
    }

    /** One route per service: several routes may lead to one service (its API, its public chat API). */
    private Flux<RouteDefinition> serviceRoutes() {
        return routes.getRouteDefinitions()
                .filter(route -> route.getFilters().stream()
                        .anyMatch(filter -> filter.getName().equals("CircuitBreaker")))
                .collectMultimap(RouteDefinition::getUri, route -> route, LinkedHashMap::new)
                .flatMapIterable(byService -> byService.values().stream()
                        .map(sameService -> sameService.stream()
                                .min(Comparator.comparingInt(
                                        (RouteDefinition route) -> route.getId().length()))
                                .orElseThrow())
                        .toList());
    }

    private Mono<ServiceDocument> fetch(RouteDefinition route) {
        String uri = route.getUri().toString().replaceAll("/+$", "") + "/v3/api-docs";
        return http.get()
                .uri(uri)
                .retrieve()
                .bodyToMono(JsonNode.class)
                .timeout(FETCH_TIMEOUT)
                .map(document -> new ServiceDocument(route.getId(), document))
                .onErrorResume(failure -> {
                    log.debug("No API document from {} at {}: {}", route.getId(), uri, failure.toString());
                    return Mono.just(new ServiceDocument(route.getId(), null));
                });
    }
}
