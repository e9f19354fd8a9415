package io.touchpoint.ticket;

import io.touchpoint.test.infrastructure.RealInfrastructure;
import io.touchpoint.test.service.ServiceConformanceChecks;
import org.springframework.boot.test.context.SpringBootTest;

/** The whole ticket-service against the real RabbitMQ and MongoDB-protocol server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class TicketServiceIT extends ServiceConformanceChecks {

    @Override
    protected String applicationName() {
        return "ticket-service";
    }

    @Override
    protected String apiPrefix() {
        return "/v1/tickets";
    }
}
