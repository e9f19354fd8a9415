package io.touchpoint.starter.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchpoint.starter.cloudevents.CloudEventPublisher;
import io.touchpoint.starter.cloudevents.CloudEventReader;
import io.touchpoint.starter.cloudevents.CloudEventsAutoConfiguration;
import io.touchpoint.starter.consumer.ProcessedEventStore;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class OutboxAutoConfigurationTests {

    // No network: clients connect lazily, and relays are not started (touchpoint.outbox.enabled=false).
    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    MongoAutoConfiguration.class,
                    DataMongoAutoConfiguration.class,
                    RabbitAutoConfiguration.class,
                    CloudEventsAutoConfiguration.class,
                    OutboxAutoConfiguration.class))
            .withPropertyValues(
                    "spring.rabbitmq.publisher-confirm-type=correlated",
                    "spring.rabbitmq.publisher-returns=true",
                    "touchpoint.outbox.enabled=false");

    @Test
    void registersOneRelayPerConfiguredOrDeclaredCollection() {
        contextRunner
                .withUserConfiguration(TicketsOutbox.class)
                .withPropertyValues("touchpoint.outbox.collections=conversations,tickets")
                .run(context -> {
                    OutboxRelays relays = context.getBean(OutboxRelays.class);
                    assertThat(relays.collections()).containsExactlyInAnyOrder("conversations", "tickets");
                    assertThat(relays.relay("tickets")).isPresent();
                    assertThat(relays.isRunning()).isFalse();
                });
    }

    @Test
    void eachReplicaHasItsOwnLeaseOwner() {
        contextRunner
                .withUserConfiguration(TicketsOutbox.class)
                .withPropertyValues("spring.application.name=ticket-service")
                .run(first -> contextRunner
                        .withUserConfiguration(TicketsOutbox.class)
                        .withPropertyValues("spring.application.name=ticket-service")
                        .run(second -> {
                            String one = owner(first.getBean(OutboxRelays.class));
                            String other = owner(second.getBean(OutboxRelays.class));
                            assertThat(one).startsWith("ticket-service@").isNotEqualTo(other);
                        }));
    }

    @Test
    void afterWriteToAnUnregisteredCollectionIsRejected() {
        contextRunner.withUserConfiguration(TicketsOutbox.class).run(context -> {
            OutboxRelays relays = context.getBean(OutboxRelays.class);
            org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                    .isThrownBy(() -> relays.afterWrite("surveys", "s-1"))
                    .withMessageContaining("surveys");
        });
    }

    @Test
    void backsOffWithoutMongo() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        RabbitAutoConfiguration.class,
                        CloudEventsAutoConfiguration.class,
                        OutboxAutoConfiguration.class))
                .withPropertyValues("spring.rabbitmq.publisher-confirm-type=correlated")
                .run(context -> {
                    assertThat(context).hasSingleBean(CloudEventPublisher.class);
                    assertThat(context).doesNotHaveBean(OutboxRelays.class);
                    assertThat(context).doesNotHaveBean(ProcessedEventStore.class);
                });
    }

    @Test
    void backsOffWithoutRabbit() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        MongoAutoConfiguration.class,
                        DataMongoAutoConfiguration.class,
                        CloudEventsAutoConfiguration.class,
                        OutboxAutoConfiguration.class))
                .run(context -> {
                    assertThat(context).hasSingleBean(CloudEventReader.class);
                    assertThat(context).hasSingleBean(ProcessedEventStore.class);
                    assertThat(context).doesNotHaveBean(CloudEventPublisher.class);
                    assertThat(context).doesNotHaveBean(OutboxRelays.class);
                });
    }

    @Test
    void refusesToPublishWithoutPublisherConfirms() {
        contextRunner
                .withPropertyValues("spring.rabbitmq.publisher-confirm-type=none")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("spring.rabbitmq.publisher-confirm-type=correlated"));
    }

    @Test
    void declaresTheProducedExchangesAsDurableTopicExchanges() {
        contextRunner
                .withPropertyValues("touchpoint.events.exchanges=touchpoint.ticket")
                .run(context -> assertThat(context.getBean("touchpointEventExchanges", Declarables.class)
                                .getDeclarablesByType(TopicExchange.class))
                        .singleElement()
                        .satisfies(exchange -> {
                            assertThat(exchange.getName()).isEqualTo("touchpoint.ticket");
                            assertThat(exchange.isDurable()).isTrue();
                            assertThat(exchange.isAutoDelete()).isFalse();
                        }));
    }

    private static String owner(OutboxRelays relays) {
        return relays.relay("tickets").orElseThrow().owner();
    }

    @Configuration(proxyBeanMethods = false)
    static class TicketsOutbox {

        @Bean
        OutboxCollection ticketsOutbox() {
            return new OutboxCollection("tickets");
        }
    }
}
