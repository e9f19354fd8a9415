package io.touchpoint.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.touchpoint.events.AsyncApiDocument.Drift;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class AsyncApiTests {

    private final AsyncApiDocument document = AsyncApiDocument.load();

    @Test
    void isAnAsyncApi3Document() {
        assertThat(this.document.root().path("asyncapi").asString()).isEqualTo("3.0.0");
        assertThat(this.document.root().path("defaultContentType").asString())
                .isEqualTo(CloudEventHeaders.CONTENT_TYPE_VALUE);
        assertThat(this.document.root().at("/servers/rabbitmq/protocol").asString())
                .isEqualTo("amqp");
    }

    @Test
    void isValidAgainstTheAsyncApi300Schema() {
        JsonNode specification = EventJson.mapper().readTree(Contract.bytes("/asyncapi/asyncapi-3.0.0.schema.json"));
        assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                        .getSchema(specification)
                        .validate(this.document.root()))
                .isEmpty();
    }

    @Test
    void namesEveryEventTypeAndNothingElse() {
        Drift types = AsyncApiDocument.drift(
                definedBy(EventType::type), this.document.messagesByName().keySet());
        Drift routingKeys = AsyncApiDocument.drift(
                definedBy(EventType::routingKey),
                this.document.channelsByAddress().keySet());
        assertSoftly((softly) -> {
            softly.assertThat(types.missing())
                    .as("event types missing from asyncapi.yaml")
                    .isEmpty();
            softly.assertThat(types.extra())
                    .as("message names in asyncapi.yaml that EventType does not define")
                    .isEmpty();
            softly.assertThat(routingKeys.missing())
                    .as("routing keys missing from asyncapi.yaml")
                    .isEmpty();
            softly.assertThat(routingKeys.extra())
                    .as("channels in asyncapi.yaml that EventType does not define")
                    .isEmpty();
        });
    }

    @Test
    void driftIsReportedBothWays() {
        ObjectNode root = (ObjectNode) this.document.root().deepCopy();
        ObjectNode messages = (ObjectNode) root.path("components").path("messages");
        messages.remove("ticketReopened");
        messages.putObject("ticketMerged").put("name", "io.touchpoint.ticket.merged.v1");
        AsyncApiDocument edited = new AsyncApiDocument(root);

        Drift drift = AsyncApiDocument.drift(
                definedBy(EventType::type), edited.messagesByName().keySet());

        assertThat(drift.none()).isFalse();
        assertThat(drift.missing()).containsExactly(EventType.TICKET_REOPENED.type());
        assertThat(drift.extra()).containsExactly("io.touchpoint.ticket.merged.v1");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void channelIsTheRoutingKeyOnTheProducersDurableTopicExchange(EventType type) {
        JsonNode amqp = this.document
                .channelsByAddress()
                .get(type.routingKey())
                .path("bindings")
                .path("amqp");
        assertThat(amqp.path("is").asString()).isEqualTo("routingKey");
        assertThat(amqp.at("/exchange/name").asString())
                .isEqualTo(type.exchange().exchangeName());
        assertThat(amqp.at("/exchange/type").asString()).isEqualTo("topic");
        assertThat(amqp.at("/exchange/durable").asBoolean()).isTrue();
        assertThat(amqp.at("/exchange/autoDelete").asBoolean(true)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void channelCarriesOnlyItsEventsMessage(EventType type) {
        JsonNode channel = this.document.channelsByAddress().get(type.routingKey());
        List<String> names = channel.path("messages")
                .valueStream()
                .map((reference) ->
                        this.document.resolve(reference).path("name").asString())
                .toList();
        assertThat(names).containsExactly(type.type());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theProducerHasOnePersistentSendOperation(EventType type) {
        String channelName = channelName(type);
        List<JsonNode> sends = this.document
                .root()
                .path("operations")
                .valueStream()
                .filter((operation) -> operation.at("/channel/$ref").asString().equals("#/channels/" + channelName))
                .toList();
        assertThat(sends).singleElement().satisfies((operation) -> {
            assertThat(operation.path("action").asString()).isEqualTo("send");
            assertThat(operation.at("/bindings/amqp/deliveryMode").asInt()).isEqualTo(2);
            assertThat(operation.path("title").asString())
                    .startsWith(type.exchange().serviceName());
        });
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void messagePayloadIsTheEventsJsonSchema(EventType type) {
        JsonNode message = this.document.messagesByName().get(type.type());
        String ref = message.at("/payload/schema/$ref").asString();
        String resolved = URI.create(AsyncApiDocument.RESOURCE).resolve(ref).getPath();
        assertThat(resolved).isEqualTo(type.schemaResource());
        assertThat(Contract.exists(resolved)).isTrue();
        assertThat(message.at("/payload/schemaFormat").asString()).contains("2020-12");
        assertThat(message.path("contentType").asString()).isEqualTo(CloudEventHeaders.CONTENT_TYPE_VALUE);
        assertThat(message.at("/bindings/amqp/messageType").asString()).isEqualTo(type.type());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void messageHeadersPinTheTypeAndSource(EventType type) {
        JsonNode headers =
                this.document.messagesByName().get(type.type()).path("headers").path("allOf");
        assertThat(headers.get(0).path("$ref").asString()).isEqualTo("#/components/schemas/CloudEventHeaders");
        JsonNode pinned = headers.get(1).path("properties");
        assertThat(pinned.at("/" + CloudEventHeaders.TYPE + "/const").asString())
                .isEqualTo(type.type());
        assertThat(pinned.at("/" + CloudEventHeaders.SOURCE + "/const").asString())
                .isEqualTo(type.source());
    }

    @Test
    void documentsEveryCloudEventsHeaderTheServicesSend() {
        JsonNode headers = this.document.root().at("/components/schemas/CloudEventHeaders");
        Set<String> required =
                headers.path("required").valueStream().map(JsonNode::asString).collect(Collectors.toSet());
        assertThat(required)
                .containsExactlyInAnyOrder(
                        CloudEventHeaders.ID,
                        CloudEventHeaders.TYPE,
                        CloudEventHeaders.SOURCE,
                        CloudEventHeaders.SPEC_VERSION,
                        CloudEventHeaders.TIME,
                        CloudEventHeaders.SUBJECT,
                        CloudEventHeaders.TENANT_ID);
        assertThat(headers.path("properties").propertyNames()).contains(CloudEventHeaders.DATA_SCHEMA);
        assertThat(headers.at("/properties/" + CloudEventHeaders.SPEC_VERSION + "/const")
                        .asString())
                .isEqualTo(CloudEventHeaders.SPEC_VERSION_VALUE);
    }

    private String channelName(EventType type) {
        return this.document
                .root()
                .path("channels")
                .propertyStream()
                .filter((entry) -> entry.getValue().path("address").asString().equals(type.routingKey()))
                .map((entry) -> entry.getKey())
                .findFirst()
                .orElseThrow();
    }

    private static Set<String> definedBy(Function<EventType, String> name) {
        return Arrays.stream(EventType.values()).map(name).collect(Collectors.toSet());
    }
}
