package io.touchpoint.starter.cloudevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.CompositeMessageConverter;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.test.util.ReflectionTestUtils;

class RawBodyMessageConverterTests {

    private final RawBodyMessageConverter converter = new RawBodyMessageConverter();

    private final byte[] body = "{\"ticketId\":\"tkt_1\"}".getBytes(StandardCharsets.UTF_8);

    private final Message<byte[]> json = MessageBuilder.withPayload(body)
            .setHeader(MessageHeaders.CONTENT_TYPE, "application/json")
            .build();

    @Test
    void givesAByteArrayConsumerTheBodyItself() {
        assertThat(converter.fromMessage(json, byte[].class)).isSameAs(body);
        assertThat(converter.fromMessage(json, byte[].class, byte[].class)).isSameAs(body);
    }

    @Test
    void leavesEveryOtherConversionToTheConvertersBehindIt() {
        assertThat(converter.fromMessage(json, String.class)).isNull();
        assertThat(converter.fromMessage(json, Object.class)).isNull();
        assertThat(converter.fromMessage(MessageBuilder.withPayload("text").build(), byte[].class))
                .isNull();
        assertThat(converter.toMessage(body, json.getHeaders())).isNull();
        assertThat(converter.toMessage(body, json.getHeaders(), byte[].class)).isNull();
    }

    @Test
    void streamFunctionsConvertWithItFirst() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        JacksonAutoConfiguration.class,
                        ContextFunctionCatalogAutoConfiguration.class,
                        CloudEventsAutoConfiguration.class))
                .withUserConfiguration(RawConsumer.class)
                .run(context -> {
                    FunctionCatalog catalog = context.getBean(FunctionCatalog.class);
                    // The catalog's own converter: without this one first, a JSON body does not convert to byte[].
                    CompositeMessageConverter converters =
                            (CompositeMessageConverter) ReflectionTestUtils.getField(catalog, "messageConverter");
                    assertThat(converters.getConverters().get(0)).isInstanceOf(RawBodyMessageConverter.class);
                    assertThat(converters.fromMessage(json, byte[].class)).isSameAs(body);

                    FunctionInvocationWrapper consumer = catalog.lookup("consume");
                    consumer.apply(json);
                    assertThat(context.getBean(RawConsumer.class).received.get().getPayload())
                            .isSameAs(body);
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class RawConsumer {

        final AtomicReference<Message<byte[]>> received = new AtomicReference<>();

        @Bean
        Consumer<Message<byte[]>> consume() {
            return received::set;
        }
    }
}
