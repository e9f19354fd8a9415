package io.touchpoint.gateway.web;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * The address a request comes from, as the per-address budgets (unauthenticated calls, rejected credentials) count it
 * and the access log shows it. Exposed directly, that is the connection's peer. Behind load balancers or proxies, the
 * peer is the proxy, so every client would share one budget: with {@code trustedProxies} set to how many proxies stand
 * in front of the gateway, each appending the address it received the request from to {@code X-Forwarded-For} (as load
 * balancers do), it is the entry that many places from the right. Entries further left were written by the client and
 * prove nothing, so a client cannot pick its budget by sending the header itself; a request with fewer entries than
 * that did not come through the proxies, and counts against its peer. Behind them, the nearest proxy's word is also
 * taken for the scheme and host the client used ({@link ForwardedHeaders}).
 */
public final class ClientAddresses {

    private static final String FORWARDED_FOR = "X-Forwarded-For";

    private static final String ATTRIBUTE = ClientAddresses.class.getName() + ".client";

    private final int trustedProxies;

    public ClientAddresses(int trustedProxies) {
        if (trustedProxies < 0) {
            throw new IllegalArgumentException(
                    "touchpoint.gateway.trusted-proxies must be 0 or more, not " + trustedProxies);
        }
        this.trustedProxies = trustedProxies;
    }

    /**
     * The client of the exchange's request, worked out once per exchange: the rate limits, the forwarded headers and
     * the access log all ask.
     */
    public String of(ServerWebExchange exchange) {
        return (String) exchange.getAttributes().computeIfAbsent(ATTRIBUTE, name -> of(exchange.getRequest()));
    }

    String of(ServerHttpRequest request) {
        if (trustedProxies > 0) {
            List<String> forwarded = request.getHeaders().getValuesAsList(FORWARDED_FOR);
            if (forwarded.size() >= trustedProxies) {
                return forwarded.get(forwarded.size() - trustedProxies);
            }
        }
        return peer(request);
    }

    /**
     * Behind trusted proxies, the last value of {@code header}: what the proxy nearest the gateway wrote there (the
     * scheme or host the client used, say). Empty when the gateway is exposed directly, whose clients' own values prove
     * nothing, or when the proxies sent none.
     */
    Optional<String> nearestProxySaid(ServerHttpRequest request, String header) {
        if (trustedProxies == 0) {
            return Optional.empty();
        }
        List<String> values = request.getHeaders().getValuesAsList(header);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    private static String peer(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
