package io.touchpoint.gateway.web;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the service where a request came from and which URL it was sent to: {@code X-Forwarded-For} (the client, as
 * {@link ClientAddresses} counts it), {@code X-Forwarded-Proto}, {@code X-Forwarded-Host}, {@code X-Forwarded-Port}
 * and, for a route that strips part of the path, {@code X-Forwarded-Prefix}, one value each. channel-service rebuilds
 * from them the URL a provider signed (Twilio signs the URL it called).
 *
 * <p>Exposed directly, they describe the request as the gateway received it (its scheme and {@code Host}), and whatever
 * the client sent in these headers is dropped. Behind trusted proxies ({@code touchpoint.gateway.trusted-proxies}),
 * the scheme, host and port are what the nearest proxy said, when it said so: a load balancer that terminates TLS
 * forwards plain HTTP.
 *
 * <p>Spring Cloud Gateway's own {@code XForwardedHeadersFilter} only runs when its {@code trusted-proxies} pattern is
 * set, and then adds nothing to a request whose peer it does not trust: the services received none of these headers.
 */
public class ForwardedHeaders implements HttpHeadersFilter, Ordered {

    private static final String FOR = "X-Forwarded-For";
    private static final String PROTO = "X-Forwarded-Proto";
    private static final String HOST = "X-Forwarded-Host";
    private static final String PORT = "X-Forwarded-Port";
    private static final String PREFIX = "X-Forwarded-Prefix";

    private static final List<String> NAMES = List.of(FOR, PROTO, HOST, PORT, PREFIX);

    private final ClientAddresses clients;

    public ForwardedHeaders(ClientAddresses clients) {
        this.clients = clients;
    }

    /** After Spring Cloud Gateway's {@code RemoveXForwardedHeadersFilter} (order 0), which would remove these. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders forwarded = new HttpHeaders();
        forwarded.putAll(input);
        NAMES.forEach(forwarded::remove);
        forwarded.set(FOR, clients.of(exchange));
        forwarded.set(
                PROTO,
                clients.nearestProxySaid(request, PROTO).orElse(request.getURI().getScheme()));
        clients.nearestProxySaid(request, HOST)
                .or(() -> Optional.ofNullable(request.getHeaders().getFirst(HttpHeaders.HOST)))
                .ifPresent(host -> forwarded.set(HOST, host));
        clients.nearestProxySaid(request, PORT).ifPresent(port -> forwarded.set(PORT, port));
        prefix(exchange).ifPresent(prefix -> forwarded.set(PREFIX, prefix));
        return forwarded;
    }

    /** What the route removed from the front of the path: {@code /v1} of {@code /v1/public/chat/...}, say. */
    private static Optional<String> prefix(ServerWebExchange exchange) {
        URI routed = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
        if (routed == null) {
            return Optional.empty();
        }
        // A route that rewrites the path keeps the request as the client sent it, first among the originals.
        Set<URI> originals = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ORIGINAL_REQUEST_URL_ATTR);
        URI received = originals == null || originals.isEmpty()
                ? exchange.getRequest().getURI()
                : originals.iterator().next();
        String original = received.getRawPath();
        String path = routed.getRawPath();
        if (path.isEmpty() || original.length() <= path.length() || !original.endsWith(path)) {
            return Optional.empty();
        }
        return Optional.of(original.substring(0, original.length() - path.length()));
    }
}
