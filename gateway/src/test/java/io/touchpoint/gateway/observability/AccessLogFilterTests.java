package io.touchpoint.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchpoint.gateway.auth.Caller;
import io.touchpoint.gateway.web.ClientAddresses;
import io.touchpoint.gateway.web.RequestIdFilter;
import io.touchpoint.tenancy.TenantContext;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

@ExtendWith(OutputCaptureExtension.class)
class AccessLogFilterTests {

    private final AccessLogFilter filter = new AccessLogFilter(new ClientAddresses(1));

    @Test
    void lineNamesTheCallersTenantAndKeyButNoCredentialOrQuery(CapturedOutput output) {
        MockServerWebExchange exchange =
                MockServerWebExchange.from(MockServerHttpRequest.post("/v1/tickets?access_token=secret-in-query")
                        .header("Authorization", "Bearer tp_secret_key")
                        .header("X-Forwarded-For", "203.0.113.7"));
        exchange.getAttributes().put(RequestIdFilter.ATTRIBUTE, "req_1");

        filter.filter(exchange, authenticated -> {
                    authenticated
                            .getAttributes()
                            .put(
                                    Caller.ATTRIBUTE,
                                    new Caller(
                                            new TenantContext("acme", "key_acme_1", Set.of("tickets:write")),
                                            "key_acme_1",
                                            "pro"));
                    authenticated.getResponse().setStatusCode(HttpStatus.CREATED);
                    return Mono.empty();
                })
                .block();

        assertThat(output.getOut())
                .contains("POST /v1/tickets route=- status=201 latency_ms=")
                .contains("tenant=acme key=key_acme_1 client=203.0.113.7 request_id=req_1 trace_id=-")
                .doesNotContain("secret-in-query")
                .doesNotContain("tp_secret_key");
    }
}
