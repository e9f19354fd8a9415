package io.touchpoint.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class EventSchemaTests {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaIsVersionedDraft202012AndOpenForAdditions(EventType type) {
        JsonNode schema = Contract.schemaTree(type);
        assertThat(schema.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asString()).isEqualTo(type.dataSchema());
        assertThat(schema.path("title").asString()).isNotBlank();
        assertThat(schema.path("description").asString()).contains(type.type());
        assertThat(schema.path("type").asString()).isEqualTo("object");
        assertThat(schema.path("additionalProperties").asBoolean()).isTrue();
        assertThat(schema.path("required").isArray()).isTrue();
        schema.path("properties").properties().forEach((property) -> assertThat(
                        property.getValue().has("description")
                                || property.getValue().has("$ref"))
                .as("%s.%s is described", type.routingKey(), property.getKey())
                .isTrue());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaIsAValidJsonSchema(EventType type) {
        assertThat(Contract.validateSchema(type)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaDescribesExactlyTheRecordComponents(EventType type) {
        List<String> components = Arrays.stream(type.payloadType().getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
        assertThat(Contract.schemaTree(type).path("properties").propertyNames())
                .containsExactlyInAnyOrderElementsOf(components);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void goldenSampleIsValid(EventType type) {
        assertThat(Contract.validate(type, Contract.sample(type))).isEmpty();
    }

    static Stream<Arguments> requiredProperties() {
        return Arrays.stream(EventType.values()).flatMap((type) -> Contract.schemaTree(type)
                .path("required")
                .valueStream()
                .map((required) -> Arguments.of(type, required.asString())));
    }

    @ParameterizedTest(name = "{0} without {1}")
    @MethodSource("requiredProperties")
    void sampleWithoutARequiredPropertyIsRejected(EventType type, String property) {
        ObjectNode sample = Contract.sample(type);
        assertThat(sample.has(property))
                .as("the golden sample has %s", property)
                .isTrue();
        sample.remove(property);
        assertThat(Contract.validate(type, sample)).singleElement().satisfies((error) -> assertThat(error.getKeyword())
                .isEqualTo("required"));
    }

    @Test
    void timestampThatIsNotRfc3339IsRejected() {
        ObjectNode sample = Contract.sample(EventType.TICKET_ESCALATED);
        sample.put("escalatedAt", "22/11/2026 14:03");
        assertThat(Contract.validate(EventType.TICKET_ESCALATED, sample)).isNotEmpty();
    }

    @Test
    void idWithTheWrongTypePrefixIsRejected() {
        ObjectNode sample = Contract.sample(EventType.TICKET_ESCALATED);
        sample.put("ticketId", "prf_01JC8M2N4P6Q8R0S2T4U6V8W0X");
        assertThat(Contract.validate(EventType.TICKET_ESCALATED, sample)).isNotEmpty();
    }

    @Test
    void unknownChannelIsRejected() {
        ObjectNode sample = Contract.sample(EventType.INTERACTION_RECEIVED);
        sample.put("channel", "fax");
        assertThat(Contract.validate(EventType.INTERACTION_RECEIVED, sample)).isNotEmpty();
    }

    @Test
    void emailHandleMustBeAnEmailAddressAndPhoneHandleE164() {
        ObjectNode email = Contract.sample(EventType.INTERACTION_RECEIVED);
        ((ObjectNode) email.get("customer")).put("value", "maria at example");
        ObjectNode phone = Contract.sample(EventType.MESSAGE_DELIVERED);
        ((ObjectNode) phone.get("recipient")).put("value", "0612 345 678");
        assertThat(Contract.validate(EventType.INTERACTION_RECEIVED, email)).isNotEmpty();
        assertThat(Contract.validate(EventType.MESSAGE_DELIVERED, phone)).isNotEmpty();
    }

    @Test
    void scoreMustBeOnTheScaleOfTheSurveyKind() {
        ObjectNode csat = Contract.sample(EventType.FEEDBACK_SUBMITTED);
        csat.put("kind", "csat").put("score", 9);
        ObjectNode nps = Contract.sample(EventType.FEEDBACK_SUBMITTED);
        nps.put("kind", "nps").put("score", 9);
        assertThat(Contract.validate(EventType.FEEDBACK_SUBMITTED, csat)).isNotEmpty();
        assertThat(Contract.validate(EventType.FEEDBACK_SUBMITTED, nps)).isEmpty();
    }

    @Test
    void agentActorMustBeIdentified() {
        ObjectNode sample = Contract.sample(EventType.REPLY_REQUESTED);
        ((ObjectNode) sample.get("requestedBy")).remove("id");
        assertThat(Contract.validate(EventType.REPLY_REQUESTED, sample)).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void sampleReadsIntoItsRecordAndWritesBackUnchanged(EventType type) {
        byte[] sample = Contract.bytes(type.sampleResource());
        EventPayload payload = EventJson.read(sample, type.payloadType());
        byte[] written = EventJson.write(payload);
        assertThat(Contract.validate(type, written)).isEmpty();
        assertThat(EventJson.mapper().readTree(written)).isEqualTo(Contract.sample(type));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void subjectIsTheAggregateIdOfTheSample(EventType type) {
        EventPayload payload = EventJson.read(Contract.bytes(type.sampleResource()), type);
        assertThat(payload.subject()).isNotBlank();
        assertThat(Contract.sample(type)
                        .valueStream()
                        .filter(JsonNode::isString)
                        .map(JsonNode::asString))
                .contains(payload.subject());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void sampleWithUnknownPropertiesStillReads(EventType type) {
        ObjectNode sample = Contract.sample(type);
        EventPayload expected = EventJson.read(Contract.bytes(type.sampleResource()), type.payloadType());
        for (ObjectNode node : objectsIn(sample)) {
            node.put("addedInALaterRelease", "ignored by v1 consumers");
        }
        sample.putObject("futureBlock").put("flag", true);
        assertThat(Contract.validate(type, sample)).isEmpty();
        EventPayload read = EventJson.read(EventJson.mapper().writeValueAsBytes(sample), type.payloadType());
        assertThat(read).isEqualTo(expected);
    }

    private static List<ObjectNode> objectsIn(JsonNode node) {
        List<ObjectNode> objects = new ArrayList<>();
        if (node instanceof ObjectNode object) {
            objects.add(object);
        }
        node.values().forEach((child) -> objects.addAll(objectsIn(child)));
        return objects;
    }
}
