package io.touchpoint.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.touchpoint.gateway.TestGateway;
import io.touchpoint.test.infrastructure.RealInfrastructure;
import io.touchpoint.test.net.TcpProxy;
import io.touchpoint.test.redis.TestRedis;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Redis cut off while the gateway runs: requests are still served and limited, in memory, and counted. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
@Import(CallerConfiguration.class)
class RateLimitRedisUnavailableIT {

    private static final URI REDIS = URI.create(TestRedis.url());
    private static final TcpProxy proxy =
            TcpProxy.to(REDIS.getHost(), REDIS.getPort()).start();
    private static final String PREFIX = TestRedis.keyPrefix(RateLimitRedisUnavailableIT.class);

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    WebTestClient client;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        RateLimitScenarios.rateLimitProperties(registry);
        registry.add("spring.data.redis.url", () -> "redis://127.0.0.1:" + proxy.port());
        registry.add("touchpoint.gateway.rate-limits.key-prefix", () -> PREFIX);
        registry.add("touchpoint.gateway.rate-limits.plans-key", () -> PREFIX + "plans");
    }

    @BeforeEach
    void setUp() {
        client = TestGateway.client(port);
    }

    @AfterAll
    static void closeProxy() {
        proxy.close();
    }

    @Test
    void requestsAreServedAndLimitedInMemoryWhileRedisIsUnreachable() {
        assertThat(get().getStatus()).isEqualTo(HttpStatus.OK);
        proxy.cut();
        try {
            EntityExchangeResult<byte[]> during = get();

            assertThat(during.getStatus()).isEqualTo(HttpStatus.OK);
            HttpHeaders headers = during.getResponseHeaders();
            assertThat(headers.getFirst("RateLimit-Limit")).isEqualTo(Integer.toString(RateLimitScenarios.KEY_BURST));
            assertThat(headers.getFirst("RateLimit-Remaining")).isNotNull();
            assertThat(meters.get("touchpoint.gateway.ratelimit.redis.failures")
                            .counter()
                            .count())
                    .isPositive();

            int refusedAt = -1;
            for (int i = 0; i < 30 && refusedAt < 0; i++) {
                if (get().getStatus().value() == 429) {
                    refusedAt = i;
                }
            }
            assertThat(refusedAt).as("still limited, in memory").isNotNegative();
        } finally {
            proxy.restore();
        }
    }

    @Test
    void aPlanCannotBeChangedWhileRedisIsUnreachableAndSaysSoWith503() {
        proxy.cut();
        try {
            client.delete()
                    .uri("/v1/admin/plans/standard")
                    .headers(headers -> headers.setBearerAuth("tp_admin"))
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        } finally {
            proxy.restore();
        }
    }

    private EntityExchangeResult<byte[]> get() {
        return client.get()
                .uri("/v1/tickets/tkt_1")
                .headers(headers -> headers.setBearerAuth("tp_headers"))
                .exchange()
                .expectBody()
                .returnResult();
    }
}
