package io.touchpoint.feedback;

import io.touchpoint.test.infrastructure.RealInfrastructure;
import io.touchpoint.test.service.ServiceConformanceChecks;
import org.springframework.boot.test.context.SpringBootTest;

/** The whole feedback-service against the real RabbitMQ and MongoDB-protocol server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class FeedbackServiceIT extends ServiceConformanceChecks {

    @Override
    protected String applicationName() {
        return "feedback-service";
    }

    @Override
    protected String apiPrefix() {
        return "/v1/feedback";
    }
}
