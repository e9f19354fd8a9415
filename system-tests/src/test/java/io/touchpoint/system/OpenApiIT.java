package io.touchpoint.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The public API's description through the gateway: {@code /v1/openapi.json}, merged from the OpenAPI 3.1 documents the
 * services serve at {@code /v3/api-docs} (service-starter), and the {@code /docs} page that renders it. No API key:
 * both are public.
 */
class OpenApiIT {

    /**
     * The gateway fetches each document with a 2 s timeout and rebuilds a merge that misses a service after 5 s (a
     * complete one after 30 s): ample for the few rebuilds a service's first, slow document may take.
     */
    private static final Duration MERGE_DEADLINE = Duration.ofSeconds(25);

    private static final String CONNECTIONS = "/v1/channels/connections";

    private static final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private static Platform platform;

    private static PlatformClient anonymous;

    private static HttpResponse<String> serviceDocument;

    @BeforeAll
    static void platform() {
        platform = Platform.get();
        anonymous = PlatformClient.anonymous(platform);
        // Straight from the service, which also builds and caches it before the gateway's first (time-limited) fetch.
        serviceDocument = get(platform.serviceUrl("channel-service") + "/v3/api-docs");
    }

    @Test
    void channelServiceServesItsOwnOpenApi31DocumentWithoutATenantContext() {
        assertThat(serviceDocument.statusCode()).as(serviceDocument.body()).isEqualTo(200);
        DocumentContext document = JsonPath.parse(serviceDocument.body());
        assertThat(document.<String>read("$.openapi")).isEqualTo("3.1.0");
        assertThat(document.<String>read("$.info.title")).isEqualTo("channel-service");
        assertThat(document.<Map<String, Object>>read("$.paths")).containsKey(CONNECTIONS);
    }

    @Test
    void theMergedDocumentIsOpenApi31AndHasTheChannelServicesOperations() {
        DocumentContext document = mergedDocumentWith(CONNECTIONS);

        assertThat(document.<String>read("$.openapi")).isEqualTo("3.1.0");
        assertThat(document.<List<String>>read("$['x-touchpoint-missing']")).doesNotContain("channels");
        assertThat(document.<Map<String, Object>>read("$.paths['" + CONNECTIONS + "']"))
                .containsKeys("get", "post");
        assertThat(document.<Map<String, Object>>read("$.paths['" + CONNECTIONS + "/{id}']"))
                .containsKeys("get", "patch", "delete");
        assertThat(document.<Map<String, Object>>read("$.paths"))
                .doesNotContainKeys("/error", "/v3/api-docs")
                .allSatisfy((path, item) -> assertThat(path).doesNotStartWith("/actuator"));
    }

    @Test
    void theMergedDocumentAlsoHasTheTicketServicesOperations() {
        DocumentContext document = mergedDocumentWith("/v1/tickets/{id}");

        assertThat(document.<List<String>>read("$['x-touchpoint-missing']")).doesNotContain("channels", "tickets");
        assertThat(document.<Map<String, Object>>read("$.paths['/v1/tickets/{id}']"))
                .containsKeys("get", "patch");
        assertThat(document.<Map<String, Object>>read("$.paths"))
                .containsKeys(CONNECTIONS, "/v1/tickets/realtime/inbox");
    }

    @Test
    void channelOperationsFollowTheApiConventions() {
        DocumentContext document = mergedDocumentWith(CONNECTIONS);
        Map<String, Object> create = document.read("$.paths['" + CONNECTIONS + "'].post");
        Map<String, Object> list = document.read("$.paths['" + CONNECTIONS + "'].get");
        Map<String, Object> update = document.read("$.paths['" + CONNECTIONS + "/{id}'].patch");

        assertThat(JsonPath.<List<Map<String, Object>>>read(list, "$.security"))
                .singleElement()
                .satisfies(requirement -> assertThat(requirement).containsOnlyKeys("bearer"));
        assertThat(JsonPath.<Map<String, Object>>read(list, "$.responses"))
                .containsKeys("200", "400", "401", "403", "429", "503");
        assertThat(JsonPath.<Map<String, Object>>read(create, "$.responses"))
                .containsKeys("400", "401", "403", "409", "422", "429", "503");
        assertThat(JsonPath.<List<String>>read(create, "$.parameters[*]['$ref']"))
                .contains("#/components/parameters/Idempotency-Key");
        assertThat(JsonPath.<Map<String, Object>>read(update, "$.responses")).containsKeys("404", "412");
        assertThat(document.<String>read(
                        "$.components.responses.Unauthorized.content['application/problem+json'].schema['$ref']"))
                .isEqualTo("#/components/schemas/Problem");
        assertThat(document.<Map<String, Object>>read("$.components.schemas.Problem.properties"))
                .containsKeys("type", "title", "status", "detail", "instance", "code", "requestId", "errors");
    }

    @Test
    void providerWebhooksNeedNoBearerToken() {
        DocumentContext document = mergedDocumentWith(CONNECTIONS);
        Map<String, Map<String, Object>> paths = document.read("$.paths");

        assertThat(paths.keySet()).anySatisfy(path -> assertThat(path).startsWith("/webhooks/"));
        paths.entrySet().stream()
                .filter(path -> path.getKey().startsWith("/webhooks/"))
                .forEach(path -> assertThat(JsonPath.<List<Object>>read(path.getValue(), "$.*.security[*]"))
                        .as(path.getKey())
                        .isEmpty());
    }

    @Test
    void everyReferenceAndSecurityRequirementResolves() {
        DocumentContext document = mergedDocumentWith(CONNECTIONS);

        Set<String> refs = new TreeSet<>(document.<List<String>>read("$..['$ref']"));
        assertThat(refs).isNotEmpty().allSatisfy(ref -> {
            assertThat(ref).startsWith("#/components/");
            String[] parts = ref.substring("#/components/".length()).split("/", 2);
            assertThat(resolves(document, "$.components['" + parts[0] + "']['" + parts[1] + "']"))
                    .as("%s resolves", ref)
                    .isTrue();
        });
        Set<String> schemes = document.<Map<String, Object>>read("$.components.securitySchemes")
                .keySet();
        List<Map<String, Object>> requirements = document.read("$.paths.*.*.security[*]");
        assertThat(requirements).isNotEmpty().allSatisfy(requirement -> assertThat(schemes)
                .containsAll(requirement.keySet()));
    }

    @Test
    void theDocumentationPageAnswers() {
        HttpResponse<String> page = anonymous.get("/docs");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("/v1/openapi.json");
    }

    /** The merged document once it includes {@code path}: the gateway may have built it before the service answered. */
    private static DocumentContext mergedDocumentWith(String path) {
        return Awaitility.await(path + " in /v1/openapi.json")
                .atMost(MERGE_DEADLINE)
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> {
                            HttpResponse<String> response = anonymous.get("/v1/openapi.json");
                            assertThat(response.statusCode())
                                    .as(response.body())
                                    .isEqualTo(200);
                            assertThat(response.headers().firstValue("Content-Type"))
                                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
                            return JsonPath.parse(response.body());
                        },
                        document ->
                                document.<Map<String, Object>>read("$.paths").containsKey(path));
    }

    private static boolean resolves(DocumentContext document, String jsonPath) {
        try {
            return document.read(jsonPath) != null;
        } catch (PathNotFoundException e) {
            return false;
        }
    }

    private static HttpResponse<String> get(String url) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(30))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("GET " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
