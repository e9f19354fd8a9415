package io.touchpoint.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

class RequestIdFilterTests {

    private final RequestIdFilter filter = new RequestIdFilter();

    @Test
    void generatedIdIsForwardedAndEchoed() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/v1/tickets/tkt_1"));

        HttpHeaders forwarded = forwardedHeaders(exchange);
        exchange.getResponse().setComplete().block();

        String requestId = exchange.getAttribute(RequestIdFilter.ATTRIBUTE);
        assertThat(requestId).startsWith("req_");
        assertThat(forwarded.getFirst(RequestIdFilter.HEADER)).isEqualTo(requestId);
        assertThat(exchange.getResponse().getHeaders().getFirst(RequestIdFilter.HEADER))
                .isEqualTo(requestId);
    }

    @Test
    void callersIdIsForwardedAsItCame() {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.get("/v1/tickets/tkt_1").header(RequestIdFilter.HEADER, "req-from-caller-1"));

        assertThat(forwardedHeaders(exchange).get(RequestIdFilter.HEADER)).containsExactly("req-from-caller-1");
    }

    @Test
    void implausibleIdIsReplacedDownstreamToo() {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.get("/v1/tickets/tkt_1").header(RequestIdFilter.HEADER, "no spaces allowed"));

        HttpHeaders forwarded = forwardedHeaders(exchange);

        assertThat(forwarded.get(RequestIdFilter.HEADER))
                .containsExactly(exchange.<String>getAttribute(RequestIdFilter.ATTRIBUTE));
        assertThat(forwarded.getFirst(RequestIdFilter.HEADER)).startsWith("req_");
    }

    /** Runs the web filter, then builds the forwarded headers as the Gateway's routing filter would. */
    private HttpHeaders forwardedHeaders(MockServerWebExchange exchange) {
        ServerWebExchange[] seen = new ServerWebExchange[1];
        filter.filter(exchange, next -> {
                    seen[0] = next;
                    return Mono.empty();
                })
                .block();
        return filter.filter(seen[0].getRequest().getHeaders(), seen[0]);
    }
}
