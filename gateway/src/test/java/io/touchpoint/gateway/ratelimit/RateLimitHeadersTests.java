package io.touchpoint.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class RateLimitHeadersTests {

    private final Limit tenant = new Limit(50, 100, 1);
    private final Limit key = new Limit(25, 50, 1);
    private final List<String> policies = List.of(tenant.policy("standard tenant"), key.policy("standard key"));

    @Test
    void allowedRequestReportsTheBucketWithFewestTokensLeftAndEveryPolicy() {
        Verdict verdict = Verdict.of(List.of(new Decision(true, 80, tenant), new Decision(true, 40, key)), policies);
        HttpHeaders headers = new HttpHeaders();

        RateLimitHeaders.write(verdict, headers);

        assertThat(headers.getFirst("RateLimit-Limit")).isEqualTo("50");
        assertThat(headers.getFirst("RateLimit-Remaining")).isEqualTo("40");
        assertThat(headers.getFirst("RateLimit-Reset")).isEqualTo("1");
        assertThat(headers.getFirst("RateLimit-Policy"))
                .isEqualTo("50;w=1;burst=100;comment=\"standard tenant\", 25;w=1;burst=50;comment=\"standard key\"");
        assertThat(headers.containsHeader(HttpHeaders.RETRY_AFTER)).isFalse();
    }

    @Test
    void refusedRequestReportsTheRefusingBucketAndRetryAfter() {
        Verdict verdict = Verdict.of(List.of(new Decision(false, 0, tenant), new Decision(true, 40, key)), policies);
        HttpHeaders headers = new HttpHeaders();

        RateLimitHeaders.write(verdict, headers);

        assertThat(headers.getFirst("RateLimit-Limit")).isEqualTo("100");
        assertThat(headers.getFirst("RateLimit-Remaining")).isEqualTo("0");
        assertThat(headers.getFirst("RateLimit-Reset")).isEqualTo("2");
        assertThat(headers.getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
    }

    @Test
    void remainingIsNeverNegative() {
        HttpHeaders headers = new HttpHeaders();

        RateLimitHeaders.write(Verdict.of(List.of(new Decision(true, -1, key)), policies), headers);

        assertThat(headers.getFirst("RateLimit-Remaining")).isEqualTo("0");
    }
}
