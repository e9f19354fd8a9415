package io.touchpoint.gateway.resilience;

import java.util.List;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.cloud.gateway.config.HttpClientFactory;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.config.HttpClientSslConfigurer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The connections long-lived streams (server-sent events, WebSocket) hold to the services: a pool of their own.
 *
 * <p>A stream keeps its connection to the service for as long as it stays open. On the pool API calls use (bounded per
 * service: {@code spring.cloud.gateway.server.webflux.httpclient.pool}), as many open chat widgets or agent inboxes as
 * that pool holds would leave the service no connection for its API calls and provider webhooks, which would wait out
 * the acquire timeout and fail. This pool is bounded per service, too, but a stream that would go past the bound is
 * refused at once (a 503 from {@code GatewayErrorHandler}), and the streams already open go on undisturbed. The pool's gauges
 * ({@code reactor.netty.connection.provider.*}, tag {@code name=streams}) show how many are open per service.
 *
 * <p>The client is the gateway's own (same TLS, proxy, customizers and timeouts) but for the pool.
 */
public final class StreamConnections implements DisposableBean {

    /** The route metadata naming the pool a route's requests use; {@link #POOL} names this one. */
    static final String POOL_METADATA = "connection-pool";

    static final String POOL = "streams";

    private final HttpClient client;

    StreamConnections(
            int maxConnections,
            HttpClientProperties properties,
            ServerProperties serverProperties,
            HttpClientSslConfigurer sslConfigurer,
            List<HttpClientCustomizer> customizers) {
        HttpClientFactory factory = new HttpClientFactory(properties, serverProperties, sslConfigurer, customizers) {
            @Override
            protected ConnectionProvider buildConnectionProvider(HttpClientProperties ignored) {
                return ConnectionProvider.builder(POOL)
                        .maxConnections(maxConnections)
                        // No queue: with every connection held by a stream, waiting would only end in a timeout.
                        .pendingAcquireMaxCount(0)
                        .maxIdleTime(properties.getPool().getMaxIdleTime())
                        .evictInBackground(properties.getPool().getEvictionInterval())
                        // reactor.netty.connection.provider.active.connections{name=streams,remote.address=...}: how
                        // close each service is to the bound.
                        .metrics(true)
                        .build();
            }
        };
        try {
            factory.afterPropertiesSet();
            this.client = factory.getObject();
        } catch (Exception e) {
            throw new IllegalStateException("Could not build the streams' HTTP client", e);
        }
    }

    HttpClient client() {
        return client;
    }

    @Override
    public void destroy() {
        client.configuration().connectionProvider().dispose();
    }
}
