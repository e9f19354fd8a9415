package io.touchpoint.starter.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.touchpoint.starter.StarterDefaults;
import io.touchpoint.starter.problem.MockMvcs;
import io.touchpoint.starter.problem.ProblemDetailsAutoConfiguration;
import io.touchpoint.starter.tenant.TenantContextAutoConfiguration;
import io.touchpoint.tenancy.TenantContext;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.webmvc.core.configuration.SpringDocWebMvcConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.WebApplicationContext;

/** The document a service built on the starter serves at {@code /v3/api-docs}, with the starter's defaults. */
class OpenApiAutoConfigurationTests {

    private static final String KEY = "openapi-tests-shared-key-long-enough-for-hmac";

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withInitializer(OpenApiAutoConfigurationTests::applyStarterDefaults)
            .withConfiguration(AutoConfigurations.of(
                    JacksonAutoConfiguration.class,
                    HttpMessageConvertersAutoConfiguration.class,
                    ValidationAutoConfiguration.class,
                    DispatcherServletAutoConfiguration.class,
                    WebMvcAutoConfiguration.class,
                    ErrorMvcAutoConfiguration.class,
                    ProblemDetailsAutoConfiguration.class,
                    TenantContextAutoConfiguration.class,
                    SpringDocConfigProperties.class,
                    SpringDocConfiguration.class,
                    SpringDocWebMvcConfiguration.class,
                    OpenApiAutoConfiguration.class))
            .withUserConfiguration(SamplesController.class)
            .withPropertyValues("spring.application.name=sample-service", "touchpoint.tenant-context.key=" + KEY);

    @Test
    void servesAnOpenApi31DocumentOutsideTheTenantFilter() {
        runner.run(context -> MockMvcs.from(context)
                .perform(get("/v3/api-docs")) // no tenant context: /v3 is not a protected path
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(content().string(containsString("\"openapi\":\"3.1.0\"")))
                .andExpect(jsonPath("$.info.title").value("sample-service"))
                .andExpect(jsonPath("$.info.version").value(OpenApiAutoConfiguration.UNKNOWN_VERSION)));
    }

    @Test
    void theApiItDocumentsIsStillGuarded() {
        runner.run(context ->
                MockMvcs.from(context).perform(get("/v1/samples/smp_1")).andExpect(status().isUnauthorized()));
    }

    @Test
    void protectedOperationsRequireBearerAndAnswerWithProblems() {
        withDocument(document -> {
            Map<String, Object> get = document.read("$.paths['/v1/samples/{id}'].get");
            assertThat(JsonPath.<List<Map<String, List<String>>>>read(get, "$.security"))
                    .containsExactly(Map.of(ApiConventionsCustomizer.SECURITY_SCHEME, List.of()));
            Map<String, Map<String, String>> responses = JsonPath.read(get, "$.responses");
            assertThat(responses).containsKeys("200", "400", "401", "403", "404", "429", "503");
            assertThat(responses).doesNotContainKeys("409", "412", "415", "422");
            assertThat(responses.get("401")).containsEntry("$ref", "#/components/responses/Unauthorized");
            assertThat(responses.get("404")).containsEntry("$ref", "#/components/responses/NotFound");
            assertThat(responses.get("429")).containsEntry("$ref", "#/components/responses/TooManyRequests");
            assertThat(responses.get("503")).containsEntry("$ref", "#/components/responses/ServiceUnavailable");
            for (String name : List.of("Unauthorized", "NotFound", "TooManyRequests", "ServiceUnavailable")) {
                assertThat(document.<String>read("$.components.responses." + name
                                + ".content['application/problem+json'].schema['$ref']"))
                        .isEqualTo("#/components/schemas/Problem");
                assertThat(document.<String>read("$.components.responses." + name + ".headers['X-Request-Id']['$ref']"))
                        .isEqualTo("#/components/headers/X-Request-Id");
            }
            assertThat(document.<Map<String, Object>>read("$.components.responses.TooManyRequests.headers"))
                    .containsKey("Retry-After");
            assertThat(document.<Map<String, String>>read(
                            "$.components.securitySchemes." + ApiConventionsCustomizer.SECURITY_SCHEME))
                    .containsEntry("type", "http")
                    .containsEntry("scheme", "bearer");
            assertThat(document.<String>read("$.components.securitySchemes." + ApiConventionsCustomizer.SECURITY_SCHEME
                            + ".description"))
                    .contains("Touchpoint-Tenant-Context");
            assertThat(document.<Map<String, Object>>read("$.paths['/v1/samples/{id}'].get.responses['200'].headers"))
                    .containsKey("X-Request-Id");
            // the tenant context comes from the gateway's signed header, through the tenant filter: no parameter
            assertThat(document.<List<Object>>read("$.paths['/v1/samples/{id}'].get.parameters[*].name"))
                    .containsExactly("id");
        });
    }

    @Test
    void postsTakeAnIdempotencyKeyAndWritesAnswerWithTheirOwnErrors() {
        withDocument(document -> {
            assertThat(document.<List<String>>read("$.paths['/v1/samples'].post.parameters[*]['$ref']"))
                    .containsExactly("#/components/parameters/Idempotency-Key");
            assertThat(document.<Map<String, Object>>read("$.components.parameters['Idempotency-Key']"))
                    .containsEntry("in", "header")
                    .containsEntry("name", "Idempotency-Key")
                    .containsEntry("required", false);
            assertThat(document.<Map<String, Object>>read("$.paths['/v1/samples'].post.responses"))
                    .containsKeys("201", "400", "401", "403", "409", "415", "422", "429", "503")
                    .doesNotContainKeys("404", "412");
            assertThat(document.<Map<String, Object>>read("$.paths['/v1/samples/{id}'].patch.responses"))
                    .containsKeys("404", "409", "412", "415", "422");
            assertThat(document.<Map<String, Object>>read("$.paths['/v1/samples/{id}'].delete.responses"))
                    .containsKeys("204", "404", "409")
                    .doesNotContainKeys("412", "415", "422");
            assertThat(document.<Object>read("$.paths['/v1/samples/{id}'].patch.parameters[*].name"))
                    .asString()
                    .doesNotContain("Idempotency-Key");
        });
    }

    @Test
    void oneProblemSchemaWithThePlatformsFields() {
        withDocument(document -> {
            Map<String, Object> problem = document.read("$.components.schemas.Problem");
            assertThat(JsonPath.<Map<String, Object>>read(problem, "$.properties"))
                    .containsOnlyKeys("type", "title", "status", "detail", "instance", "code", "requestId", "errors");
            assertThat(JsonPath.<String>read(problem, "$.type")).isEqualTo("object");
            assertThat(JsonPath.<String>read(problem, "$.properties.type.format"))
                    .isEqualTo("uri");
            assertThat(JsonPath.<String>read(problem, "$.properties.errors.items['$ref']"))
                    .isEqualTo("#/components/schemas/ProblemFieldError");
            assertThat(JsonPath.<List<String>>read(problem, "$.required")).contains("type", "title", "status", "code");
            assertThat(document.<Map<String, Object>>read("$.components.schemas.ProblemFieldError.properties"))
                    .containsOnlyKeys("field", "message");
        });
    }

    @Test
    void publicAndWebhookOperationsNeedNoCredentials() {
        withDocument(document -> {
            for (String path : List.of("/public/samples/{id}/votes", "/webhooks/sample/{connectionId}")) {
                Map<String, Object> post = document.read("$.paths['" + path + "'].post");
                assertThat(JsonPath.<List<Object>>read(post, "$.security"))
                        .as(path)
                        .isEmpty();
                assertThat(JsonPath.<Map<String, Object>>read(post, "$.responses"))
                        .as(path)
                        .containsKeys("400", "404", "429", "503")
                        .doesNotContainKeys("401", "403");
                assertThat(JsonPath.<Object>read(post, "$")).asString().doesNotContain("Idempotency-Key");
            }
        });
    }

    @Test
    void keepsWhatAnOperationDeclaresItself() {
        withDocument(document -> {
            assertThat(document.<String>read("$.paths['/v1/samples/{id}/archive'].post.responses['409'].description"))
                    .isEqualTo("The sample is already archived.");
            assertThat(document.<Map<String, Object>>read(
                            "$.paths['/v1/samples/{id}/archive'].post.responses['409'].headers"))
                    .containsKey("X-Request-Id");
        });
    }

    @Test
    void leavesOutTheErrorControllerAndActuator() {
        runner.run(context -> MockMvcs.from(context)
                .perform(get("/v3/api-docs"))
                .andExpect(jsonPath("$.paths.keys()", not(hasItem("/error"))))
                .andExpect(jsonPath(
                        "$.paths.keys()",
                        containsInAnyOrder(
                                "/v1/samples",
                                "/v1/samples/{id}",
                                "/v1/samples/{id}/archive",
                                "/public/samples/{id}/votes",
                                "/webhooks/sample/{connectionId}"))));
    }

    @Test
    void everyResponseIsDescribedAndSuccessIsJson() {
        withDocument(document -> {
            List<Map<String, Object>> responses = document.read("$.paths.*.*.responses.*");
            assertThat(responses).hasSizeGreaterThan(40).allSatisfy(response -> assertThat(response.containsKey("$ref")
                            || !Objects.toString(response.get("description"), "")
                                    .isBlank())
                    .as("described: %s", response)
                    .isTrue());
            assertThat(document.<Map<String, Object>>read("$.paths['/v1/samples/{id}'].get.responses['200'].content"))
                    .containsOnlyKeys("application/json");
        });
    }

    @Test
    void versionComesFromTheBuildWhenThereIsBuildInfo() {
        runner.withUserConfiguration(BuildInfo.class).run(context -> MockMvcs.from(context)
                .perform(get("/v3/api-docs"))
                .andExpect(jsonPath("$.info.version").value("1.4.2")));
    }

    @Test
    void aServicesOwnOpenApiBeanWinsAndStillFollowsTheConventions() {
        runner.withUserConfiguration(OwnOpenApi.class).run(context -> MockMvcs.from(context)
                .perform(get("/v3/api-docs"))
                .andExpect(jsonPath("$.info.title").value("Samples, by hand"))
                .andExpect(
                        jsonPath("$.paths['/v1/samples'].post.responses['401']").exists()));
    }

    @Test
    void staysOffWhenApiDocsAreDisabledOrThereIsNoWebApplication() {
        runner.withPropertyValues("springdoc.api-docs.enabled=false").run(context -> assertThat(context)
                .doesNotHaveBean(ApiConventionsCustomizer.class)
                .doesNotHaveBean(OpenAPI.class));
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(OpenApiAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ApiConventionsCustomizer.class));
    }

    @Test
    void theCustomizerChangesNothingTheSecondTime() {
        OpenAPI api = new OpenAPI()
                .paths(new Paths()
                        .addPathItem(
                                "/v1/samples",
                                new PathItem()
                                        .post(new Operation()
                                                .responses(new ApiResponses()
                                                        .addApiResponse(
                                                                "201",
                                                                new io.swagger.v3.oas.models.responses.ApiResponse()
                                                                        .description("Created")))))
                        .addPathItem("/error", new PathItem().get(new Operation())));
        ApiConventionsCustomizer customizer =
                new ApiConventionsCustomizer(List.of("/v1/**"), List.of("/actuator/**", "/webhooks/**"));

        customizer.customise(api);
        String once = Json31.pretty(api);
        customizer.customise(api);

        assertThat(Json31.pretty(api)).isEqualTo(once);
        assertThat(api.getPaths()).containsOnlyKeys("/v1/samples");
        assertThat(api.getPaths().get("/v1/samples").getPost().getParameters()).hasSize(1);
    }

    private void withDocument(Consumer<DocumentContext> assertions) {
        runner.run(context -> assertions.accept(JsonPath.parse(apiDocs(context))));
    }

    private static String apiDocs(WebApplicationContext context) throws Exception {
        MvcResult result = MockMvcs.from(context)
                .perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andReturn();
        return result.getResponse().getContentAsString();
    }

    private static void applyStarterDefaults(ConfigurableApplicationContext context) {
        new StarterDefaults().postProcessEnvironment(context.getEnvironment(), new SpringApplication());
    }

    record Sample(String id, String name) {}

    record CreateSample(String name) {}

    record Vote(int stars) {}

    @RestController
    static class SamplesController {

        @GetMapping("/v1/samples")
        List<Sample> list() {
            return List.of();
        }

        @PostMapping("/v1/samples")
        @ResponseStatus(HttpStatus.CREATED)
        Sample create(@RequestBody CreateSample request) {
            return new Sample("smp_1", request.name());
        }

        @GetMapping("/v1/samples/{id}")
        Sample get(TenantContext tenant, @PathVariable String id) {
            return new Sample(id, "a sample");
        }

        @PatchMapping("/v1/samples/{id}")
        Sample update(@PathVariable String id, @RequestBody CreateSample request) {
            return new Sample(id, request.name());
        }

        @DeleteMapping("/v1/samples/{id}")
        @ResponseStatus(HttpStatus.NO_CONTENT)
        void delete(@PathVariable String id) {}

        @PostMapping("/v1/samples/{id}/archive")
        @ApiResponse(responseCode = "200", description = "The archived sample.")
        @ApiResponse(
                responseCode = "409",
                description = "The sample is already archived.",
                content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
        Sample archive(@PathVariable String id) {
            return new Sample(id, "archived");
        }

        @PostMapping("/public/samples/{id}/votes")
        Vote vote(@PathVariable String id, @RequestBody Vote vote) {
            return vote;
        }

        @PostMapping("/webhooks/sample/{connectionId}")
        ResponseEntity<Void> webhook(@PathVariable String connectionId, @RequestBody Map<String, Object> event) {
            return ResponseEntity.ok().build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class BuildInfo {

        @Bean
        BuildProperties buildProperties() {
            Properties properties = new Properties();
            properties.setProperty("version", "1.4.2");
            return new BuildProperties(properties);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnOpenApi {

        @Bean
        OpenAPI openApi() {
            return new OpenAPI().info(new Info().title("Samples, by hand").version("2"));
        }
    }
}
