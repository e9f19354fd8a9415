package io.touchpoint.test.infrastructure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Points the application context of a {@link RealInfrastructure @RealInfrastructure} test class at the class's own
 * virtual host and database. Because the customizer differs per class, so does the cached context: contexts of other
 * classes that are still alive listen on other virtual hosts.
 */
class RealInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        if (!TestContextAnnotationUtils.hasAnnotation(testClass, RealInfrastructure.class)) {
            return null;
        }
        return new Customizer(TestInfrastructure.virtualHostFor(testClass), TestInfrastructure.databaseFor(testClass));
    }

    record Customizer(TestVirtualHost virtualHost, TestDatabase database) implements ContextCustomizer {

        static final String PROPERTY_SOURCE_NAME = "touchpointRealInfrastructure";

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            MutablePropertySources sources = context.getEnvironment().getPropertySources();
            MapPropertySource properties = new MapPropertySource(PROPERTY_SOURCE_NAME, properties());
            // Below the test's own inlined properties, so a test can still override one; above everything else.
            if (sources.contains(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME)) {
                sources.addAfter(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, properties);
            } else {
                sources.addFirst(properties);
            }
            context.getBeanFactory().registerSingleton("touchpointTestVirtualHost", virtualHost);
            context.getBeanFactory().registerSingleton("touchpointTestDatabase", database);
        }

        Map<String, Object> properties() {
            RabbitEndpoint broker = virtualHost.broker();
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("spring.rabbitmq.host", broker.host());
            properties.put("spring.rabbitmq.port", broker.port());
            // addresses wins over host/port in Boot; set it too in case the application's own configuration uses it.
            properties.put("spring.rabbitmq.addresses", broker.host() + ":" + broker.port());
            properties.put("spring.rabbitmq.username", broker.username());
            properties.put("spring.rabbitmq.password", broker.password());
            properties.put("spring.rabbitmq.virtual-host", virtualHost.name());
            properties.put("spring.mongodb.uri", database.uri());
            properties.put("spring.mongodb.database", database.name());
            return properties;
        }
    }
}
