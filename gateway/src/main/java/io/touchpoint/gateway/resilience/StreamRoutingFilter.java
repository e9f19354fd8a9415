package io.touchpoint.gateway.resilience;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.filter.WebsocketRoutingFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Proxies the routes whose metadata says {@code connection-pool: streams} over {@link StreamConnections}. It runs just
 * before Spring Cloud Gateway's routing filters and marks the exchange routed, so theirs let it pass; WebSocket upgrades
 * are left to {@link WebsocketRoutingFilter}, whose client uses the same pool.
 */
final class StreamRoutingFilter implements GlobalFilter, Ordered {

    private final NettyRoutingFilter streams;

    StreamRoutingFilter(
            StreamConnections connections,
            ObjectProvider<List<HttpHeadersFilter>> headersFilters,
            HttpClientProperties properties) {
        this.streams = new NettyRoutingFilter(connections.client(), headersFilters, properties);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        if (route == null
                || !StreamConnections.POOL.equals(route.getMetadata().get(StreamConnections.POOL_METADATA))
                || "websocket"
                        .equalsIgnoreCase(exchange.getRequest().getHeaders().getUpgrade())) {
            return chain.filter(exchange);
        }
        return streams.filter(exchange, chain);
    }

    /** Before {@link WebsocketRoutingFilter} ({@code NettyRoutingFilter.ORDER - 1}) and {@link NettyRoutingFilter}. */
    @Override
    public int getOrder() {
        return NettyRoutingFilter.ORDER - 2;
    }
}
