package io.touchpoint.starter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * Adds the platform's default properties (everything under {@code META-INF/touchpoint/defaults/*.properties}) with
 * the lowest precedence, so a service's own {@code application.yml} or an environment variable always wins.
 */
public class StarterDefaults implements EnvironmentPostProcessor {

    static final String PROPERTY_SOURCE_NAME = "touchpointDefaults";

    private static final String LOCATION = "classpath*:META-INF/touchpoint/defaults/*.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
            return;
        }
        environment.getPropertySources().addLast(new PropertiesPropertySource(PROPERTY_SOURCE_NAME, load()));
    }

    private static Properties load() {
        Properties defaults = new Properties();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
                defaults.putAll(PropertiesLoaderUtils.loadProperties(resource));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Touchpoint default properties", e);
        }
        return defaults;
    }
}
