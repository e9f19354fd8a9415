package io.touchpoint.starter.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.touchpoint.starter.tenant.TenantContextAutoConfiguration;
import io.touchpoint.starter.tenant.TenantContextProperties;
import io.touchpoint.tenancy.TenantContext;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The service's OpenAPI document at {@code /v3/api-docs} (springdoc; OpenAPI 3.1 and the excluded paths are set in
 * {@code META-INF/touchpoint/defaults/openapi.properties}), titled with the service's name and versioned with its
 * build, and made to follow the platform's API conventions by {@link ApiConventionsCustomizer}. The gateway merges
 * every service's document into the public {@code /v1/openapi.json}.
 */
@AutoConfiguration(after = TenantContextAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass({OpenAPI.class, GlobalOpenApiCustomizer.class})
@ConditionalOnBooleanProperty(name = "springdoc.api-docs.enabled", matchIfMissing = true)
@EnableConfigurationProperties(TenantContextProperties.class)
public class OpenApiAutoConfiguration {

    static final String UNKNOWN_VERSION = "unknown";

    static {
        // Controllers receive the verified TenantContext from the tenant filter (TenantContextArgumentResolver), not
        // from the request: it is no parameter of the API. (springdoc's ignore list is global, hence static.)
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(TenantContext.class);
    }

    /** The document's base: a service that declares its own {@link OpenAPI} bean replaces it. */
    @Bean
    @ConditionalOnMissingBean(OpenAPI.class)
    public OpenAPI serviceOpenApi(Environment environment, ObjectProvider<BuildProperties> buildProperties) {
        String name = environment.getProperty("spring.application.name", "service");
        return new OpenAPI()
                .info(new Info()
                        .title(name)
                        .version(version(environment, buildProperties))
                        .description("The " + name + " part of the Touchpoint API. Clients use the gateway's merged"
                                + " document, /v1/openapi.json, and call the gateway with 'Authorization: Bearer';"
                                + " this one is what the gateway reads."));
    }

    @Bean
    @ConditionalOnMissingBean
    public ApiConventionsCustomizer apiConventionsCustomizer(TenantContextProperties tenantContext) {
        return new ApiConventionsCustomizer(tenantContext.protectedPaths(), tenantContext.excludedPaths());
    }

    /** The build's version (build-info.properties), else the jar manifest's, else {@value #UNKNOWN_VERSION}. */
    private static String version(Environment environment, ObjectProvider<BuildProperties> buildProperties) {
        BuildProperties build = buildProperties.getIfAvailable();
        if (build != null && build.getVersion() != null) {
            return build.getVersion();
        }
        return environment.getProperty("spring.application.version", UNKNOWN_VERSION);
    }
}
