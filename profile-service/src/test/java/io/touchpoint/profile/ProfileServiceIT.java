package io.touchpoint.profile;

import io.touchpoint.test.infrastructure.RealInfrastructure;
import io.touchpoint.test.service.ServiceConformanceChecks;
import org.springframework.boot.test.context.SpringBootTest;

/** The whole profile-service against the real RabbitMQ and MongoDB-protocol server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class ProfileServiceIT extends ServiceConformanceChecks {

    @Override
    protected String applicationName() {
        return "profile-service";
    }

    @Override
    protected String apiPrefix() {
        return "/v1/profiles";
    }
}
