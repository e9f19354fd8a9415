package io.touchpoint.gateway.resilience;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelOption;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.config.HttpClientSslConfigurer;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.netty.http.client.WebsocketClientSpec;

/**
 * How requests reach the services besides Spring Cloud Gateway's own routing: streams and WebSocket upgrades over a
 * connection pool of their own ({@link StreamConnections}), requests whose connection could not be opened sent
 * again ({@link UnsentRequestRetry}), and request bodies held in memory only where a route may repeat the request
 * ({@link RetriedRequestBodies}).
 */
@Configuration(proxyBeanMethods = false)
class ResilienceConfiguration {

    /**
     * The connect timeout, set on the client once: as Spring Cloud Gateway's property or a route's metadata, it would be
     * set on a copy of the client's configuration for every request.
     */
    @Bean
    HttpClientCustomizer connectTimeout(@Value("${touchpoint.gateway.connect-timeout}") Duration timeout) {
        return client -> client.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(timeout.toMillis()));
    }

    @Bean
    UnsentRequestRetry unsentRequestRetry(
            @Value("${touchpoint.gateway.unsent-retries.retries}") int retries,
            @Value("${touchpoint.gateway.unsent-retries.first-backoff}") Duration firstBackoff,
            MeterRegistry meters) {
        return new UnsentRequestRetry(retries, firstBackoff, meters);
    }

    @Bean
    RetriedRequestBodies retriedRequestBodies() {
        return new RetriedRequestBodies();
    }

    @Bean
    StreamConnections streamConnections(
            @Value("${touchpoint.gateway.streams.max-connections-per-service}") int maxConnections,
            HttpClientProperties properties,
            ServerProperties serverProperties,
            HttpClientSslConfigurer sslConfigurer,
            List<HttpClientCustomizer> customizers) {
        return new StreamConnections(maxConnections, properties, serverProperties, sslConfigurer, customizers);
    }

    @Bean
    StreamRoutingFilter streamRoutingFilter(
            StreamConnections connections,
            ObjectProvider<List<HttpHeadersFilter>> headersFilters,
            HttpClientProperties properties) {
        return new StreamRoutingFilter(connections, headersFilters, properties);
    }

    /** Spring Cloud Gateway's WebSocket client, as it builds it, but on the streams' pool. */
    @Bean
    @Primary
    ReactorNettyWebSocketClient streamsWebSocketClient(StreamConnections connections, HttpClientProperties properties) {
        HttpClientProperties.Websocket websocket = properties.getWebsocket();
        return new ReactorNettyWebSocketClient(connections.client(), () -> {
            WebsocketClientSpec.Builder spec = WebsocketClientSpec.builder().handlePing(websocket.isProxyPing());
            if (websocket.getMaxFramePayloadLength() != null) {
                spec.maxFramePayloadLength(websocket.getMaxFramePayloadLength());
            }
            return spec;
        });
    }
}
