package io.touchpoint.channel;

import io.touchpoint.test.infrastructure.RealInfrastructure;
import io.touchpoint.test.service.ServiceConformanceChecks;
import org.springframework.boot.test.context.SpringBootTest;

/** The whole channel-service against the real RabbitMQ and MongoDB-protocol server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class ChannelServiceIT extends ServiceConformanceChecks {

    @Override
    protected String applicationName() {
        return "channel-service";
    }

    @Override
    protected String apiPrefix() {
        return "/v1/channels";
    }
}
