package io.touchpoint.gateway.ratelimit;

import io.touchpoint.test.infrastructure.RealInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Rate limits kept in the gateway's memory (no Redis configured). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
@Import(CallerConfiguration.class)
class RateLimitInMemoryIT extends RateLimitScenarios {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        rateLimitProperties(registry);
        registry.add("touchpoint.gateway.rate-limits.backend", () -> "memory");
    }
}
