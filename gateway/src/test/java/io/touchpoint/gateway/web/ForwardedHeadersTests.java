package io.touchpoint.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class ForwardedHeadersTests {

    private static final InetSocketAddress BALANCER = new InetSocketAddress("10.0.0.5", 41000);

    /** As a TLS-terminating load balancer forwards it, after a client that sent headers of its own. */
    private static final MockServerHttpRequest THROUGH_BALANCER = MockServerHttpRequest.post(
                    "http://gateway.internal:8080/webhooks/sms/con_1")
            .remoteAddress(BALANCER)
            .header("Host", "gateway.internal:8080")
            .header("X-Forwarded-For", "198.51.100.99, 203.0.113.7")
            .header("X-Forwarded-Proto", "http, https")
            .header("X-Forwarded-Host", "support.example.com")
            .header("X-Forwarded-Port", "443")
            .build();

    @Test
    void behindATrustedProxyTheServiceLearnsWhatTheProxySaid() {
        HttpHeaders forwarded = new ForwardedHeaders(new ClientAddresses(1))
                .filter(THROUGH_BALANCER.getHeaders(), MockServerWebExchange.from(THROUGH_BALANCER));

        assertThat(forwarded.get("X-Forwarded-For")).containsExactly("203.0.113.7");
        assertThat(forwarded.get("X-Forwarded-Proto")).containsExactly("https");
        assertThat(forwarded.get("X-Forwarded-Host")).containsExactly("support.example.com");
        assertThat(forwarded.get("X-Forwarded-Port")).containsExactly("443");
    }

    @Test
    void exposedDirectlyTheServiceLearnsWhatTheGatewaySawAndNothingTheClientClaimed() {
        HttpHeaders forwarded = new ForwardedHeaders(new ClientAddresses(0))
                .filter(THROUGH_BALANCER.getHeaders(), MockServerWebExchange.from(THROUGH_BALANCER));

        assertThat(forwarded.get("X-Forwarded-For")).containsExactly("10.0.0.5");
        assertThat(forwarded.get("X-Forwarded-Proto")).containsExactly("http");
        assertThat(forwarded.get("X-Forwarded-Host")).containsExactly("gateway.internal:8080");
        assertThat(forwarded.get("X-Forwarded-Port")).isNull();
        assertThat(forwarded.get("X-Forwarded-Prefix")).isNull();
    }
}
