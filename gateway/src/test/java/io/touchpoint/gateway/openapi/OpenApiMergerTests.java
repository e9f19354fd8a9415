package io.touchpoint.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchpoint.gateway.openapi.OpenApiMerger.ServiceDocument;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class OpenApiMergerTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void pathsOfEveryServiceAreMergedUnderOneServerAndSecurityScheme() {
        ObjectNode merged = OpenApiMerger.merge(
                List.of(
                        new ServiceDocument("tickets", tickets()),
                        new ServiceDocument("feedback", feedback()),
                        new ServiceDocument("profiles", null)),
                "https://api.example.com");

        assertThat(merged.path("openapi").asString()).isEqualTo("3.1.0");
        assertThat(merged.path("servers").get(0).path("url").asString()).isEqualTo("https://api.example.com");
        assertThat(merged.path("paths").has("/v1/tickets/{id}")).isTrue();
        assertThat(merged.path("paths").has("/v1/feedback/surveys")).isTrue();
        assertThat(merged.at("/components/securitySchemes/bearer/scheme").asString())
                .isEqualTo("bearer");
        assertThat(merged.at("/components/securitySchemes").size()).isEqualTo(1);
        assertThat(merged.path("x-touchpoint-missing").toString()).isEqualTo("[\"profiles\"]");
        assertThat(merged.at("/info/description").asString()).contains("profiles");
    }

    @Test
    void clashingComponentsAreRenamedAfterTheirServiceAndTheirReferencesFollow() {
        ObjectNode merged = OpenApiMerger.merge(
                List.of(new ServiceDocument("tickets", tickets()), new ServiceDocument("feedback", feedback())), "/");

        JsonNode schemas = merged.at("/components/schemas");
        assertThat(schemas.has("Problem"))
                .as("identical definitions are shared")
                .isTrue();
        assertThat(schemas.has("Item")).isTrue();
        assertThat(schemas.has("feedback_Item")).isTrue();
        assertThat(merged.at("/paths/~1v1~1feedback~1surveys/get/responses/200/content/application~1json/schema/$ref")
                        .asString())
                .isEqualTo("#/components/schemas/feedback_Item");
        assertThat(merged.at("/paths/~1v1~1tickets~1{id}/get/responses/200/content/application~1json/schema/$ref")
                        .asString())
                .isEqualTo("#/components/schemas/Item");
    }

    @Test
    void operationsWithoutTagsAreTaggedWithTheirService() {
        ObjectNode merged = OpenApiMerger.merge(List.of(new ServiceDocument("feedback", feedback())), "/");

        assertThat(merged.at("/paths/~1v1~1feedback~1surveys/get/tags/0").asString())
                .isEqualTo("feedback");
        assertThat(merged.path("tags").toString()).contains("\"name\":\"feedback\"");
    }

    private JsonNode tickets() {
        return json.readTree(
                """
                {"openapi":"3.1.0","info":{"title":"tickets","version":"1"},
                 "tags":[{"name":"tickets","description":"Support tickets"}],
                 "paths":{"/v1/tickets/{id}":{"get":{"tags":["tickets"],"summary":"A ticket","responses":{"200":{
                   "description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Item"}}}}}}}},
                 "components":{"schemas":{"Item":{"type":"object","properties":{"subject":{"type":"string"}}},
                   "Problem":{"type":"object"}},
                   "securitySchemes":{"tenant":{"type":"apiKey","in":"header","name":"Touchpoint-Tenant-Context"}}}}
                """);
    }

    private JsonNode feedback() {
        return json.readTree(
                """
                {"openapi":"3.1.0","info":{"title":"feedback","version":"1"},
                 "paths":{"/v1/feedback/surveys":{"get":{"summary":"Surveys","responses":{"200":{
                   "description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Item"}}}}}}}},
                 "components":{"schemas":{"Item":{"type":"object","properties":{"question":{"type":"string"}}},
                   "Problem":{"type":"object"}}}}
                """);
    }

    @Test
    void publicServicePathsAreShownWhereTheGatewayServesThem() {
        assertThat(OpenApiMerger.publicPath("/public/chat/{connectionId}/conversations"))
                .isEqualTo("/v1/public/chat/{connectionId}/conversations");
        assertThat(OpenApiMerger.publicPath("/v1/channels/connections")).isEqualTo("/v1/channels/connections");
        assertThat(OpenApiMerger.publicPath("/webhooks/sms/{id}")).isEqualTo("/webhooks/sms/{id}");
    }

    @Test
    void operationIdsStayUniqueAcrossServices() {
        JsonNode channels = json.readTree(
                """
                {"openapi": "3.1.0", "paths": {"/v1/channels/connections": {"get": {"operationId": "list",
                 "responses": {"200": {"description": "OK"}}}}}}""");
        JsonNode tickets = json.readTree(
                """
                {"openapi": "3.1.0", "paths": {"/v1/tickets": {"get": {"operationId": "list",
                 "responses": {"200": {"description": "OK"}}}}}}""");

        ObjectNode merged = OpenApiMerger.merge(
                List.of(new ServiceDocument("channels", channels), new ServiceDocument("tickets", tickets)), "/");

        assertThat(merged.at("/paths/~1v1~1channels~1connections/get/operationId")
                        .asString())
                .isEqualTo("list");
        assertThat(merged.at("/paths/~1v1~1tickets/get/operationId").asString()).isEqualTo("tickets_list");
    }
}
