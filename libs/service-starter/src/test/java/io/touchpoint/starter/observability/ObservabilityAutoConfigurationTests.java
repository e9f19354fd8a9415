package io.touchpoint.starter.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.touchpoint.starter.StarterDefaults;
import io.touchpoint.starter.problem.MockMvcs;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcObservationAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

class ObservabilityAutoConfigurationTests {

    private static final String UNREACHABLE_MONGO = "mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=200";

    private final ApplicationContextRunner metrics = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    MetricsAutoConfiguration.class,
                    SimpleMetricsExportAutoConfiguration.class,
                    CompositeMeterRegistryAutoConfiguration.class,
                    ObservabilityAutoConfiguration.class));

    private final ApplicationContextRunner health = new ApplicationContextRunner()
            .withInitializer(ObservabilityAutoConfigurationTests::applyStarterDefaults)
            .withConfiguration(AutoConfigurations.of(
                    ApplicationAvailabilityAutoConfiguration.class,
                    HealthContributorAutoConfiguration.class,
                    HealthContributorRegistryAutoConfiguration.class,
                    AvailabilityHealthContributorAutoConfiguration.class,
                    AvailabilityProbesAutoConfiguration.class,
                    HealthEndpointAutoConfiguration.class,
                    MongoHealthContributorAutoConfiguration.class,
                    ObservabilityAutoConfiguration.class))
            .withUserConfiguration(UnreachableMongo.class)
            .withBean(
                    "rabbitHealthIndicator",
                    HealthIndicator.class,
                    () -> () -> Health.up().build());

    @Test
    void tagsEveryMeterWithTheApplication() {
        metrics.withPropertyValues("spring.application.name=ticket-service").run(context -> {
            Counter counter = context.getBean(MeterRegistry.class).counter("touchpoint.tickets.created");
            assertThat(counter.getId().getTag("application")).isEqualTo("ticket-service");
        });
    }

    @Test
    void neverKeepsATenantTag() {
        metrics.run(context -> {
            Counter counter = context.getBean(MeterRegistry.class)
                    .counter(
                            "touchpoint.tickets.created",
                            "tenant",
                            "ten_acme",
                            "tenantId",
                            "ten_acme",
                            "channel",
                            "sms");
            assertThat(counter.getId().getTag("tenant")).isNull();
            assertThat(counter.getId().getTag("tenantId")).isNull();
            assertThat(counter.getId().getTag("channel")).isEqualTo("sms");
        });
    }

    @Test
    void replacesBootsMongoHealthIndicatorWithThePingOneNamedMongo() {
        health.run(context -> {
            assertThat(context).hasSingleBean(MongoPingHealthIndicator.class).doesNotHaveBean("mongoHealthContributor");
            assertThat(context.getBean(HealthContributorRegistry.class).getContributor("mongo"))
                    .isInstanceOf(MongoPingHealthIndicator.class);
        });
    }

    @Test
    void noMongoHealthIndicatorWithoutMongo() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ObservabilityAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean(MongoPingHealthIndicator.class));
    }

    @Test
    void readinessWaitsForRabbitMqAndMongoDbButLivenessDoesNot() {
        health.run(context -> {
            HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
            assertThat(groups.get("readiness").isMember("readinessState")).isTrue();
            assertThat(groups.get("readiness").isMember("rabbit")).isTrue();
            assertThat(groups.get("readiness").isMember("mongo")).isTrue();
            assertThat(groups.get("liveness").isMember("livenessState")).isTrue();
            assertThat(groups.get("liveness").isMember("mongo")).isFalse();
            assertThat(groups.get("liveness").isMember("rabbit")).isFalse();
        });
    }

    @Test
    void mongoIsDownWhenItCannotBeReached() {
        health.run(context -> assertThat(
                        context.getBean(MongoPingHealthIndicator.class).health().getStatus())
                .isEqualTo(Status.DOWN));
    }

    @Test
    void continuesTheCallersTraceOverHttp() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        new WebApplicationContextRunner()
                .withInitializer(ObservabilityAutoConfigurationTests::applyStarterDefaults)
                .withConfiguration(AutoConfigurations.of(
                        JacksonAutoConfiguration.class,
                        HttpMessageConvertersAutoConfiguration.class,
                        DispatcherServletAutoConfiguration.class,
                        WebMvcAutoConfiguration.class,
                        ObservationAutoConfiguration.class,
                        OpenTelemetrySdkAutoConfiguration.class,
                        OpenTelemetryTracingAutoConfiguration.class,
                        MicrometerTracingAutoConfiguration.class,
                        WebMvcObservationAutoConfiguration.class,
                        ObservabilityAutoConfiguration.class))
                .withUserConfiguration(TraceController.class)
                .run(context -> MockMvcs.from(context)
                        .perform(get("/v1/trace").header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"))
                        .andExpect(status().isOk())
                        .andExpect(content().string(traceId)));
    }

    private static void applyStarterDefaults(ConfigurableApplicationContext context) {
        new StarterDefaults().postProcessEnvironment(context.getEnvironment(), new SpringApplication());
    }

    @Configuration(proxyBeanMethods = false)
    static class UnreachableMongo {

        @Bean(destroyMethod = "close")
        MongoClient mongoClient() {
            return MongoClients.create(UNREACHABLE_MONGO);
        }

        @Bean
        MongoTemplate mongoTemplate(MongoClient mongoClient) {
            return new MongoTemplate(mongoClient, "touchpoint");
        }
    }

    @RestController
    static class TraceController {

        private final Tracer tracer;

        TraceController(Tracer tracer) {
            this.tracer = tracer;
        }

        @GetMapping("/v1/trace")
        String trace() {
            return tracer.currentSpan().context().traceId();
        }
    }
}
