package io.touchpoint.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventTypeTests {

    /** The publishes column of the service table in ARCHITECTURE.md. */
    private static final Map<String, String> PRODUCERS = Map.ofEntries(
            Map.entry("interaction.received", "channel-service"),
            Map.entry("message.delivered", "channel-service"),
            Map.entry("message.failed", "channel-service"),
            Map.entry("reply.requested", "ticket-service"),
            Map.entry("ticket.created", "ticket-service"),
            Map.entry("ticket.assigned", "ticket-service"),
            Map.entry("ticket.escalated", "ticket-service"),
            Map.entry("ticket.sla_breached", "ticket-service"),
            Map.entry("ticket.resolved", "ticket-service"),
            Map.entry("ticket.reopened", "ticket-service"),
            Map.entry("survey.requested", "feedback-service"),
            Map.entry("feedback.submitted", "feedback-service"),
            Map.entry("profile.created", "profile-service"),
            Map.entry("profile.updated", "profile-service"),
            Map.entry("profile.merged", "profile-service"),
            Map.entry("profile.unmerged", "profile-service"),
            Map.entry("privacy.erasure_requested", "profile-service"),
            Map.entry("privacy.erasure_completed", "profile-service"));

    @Test
    void everyEventOfTheArchitectureIsDefinedAndPublishedByItsOwner() {
        Map<String, String> defined = Arrays.stream(EventType.values())
                .collect(Collectors.toMap(
                        EventType::routingKey, (type) -> type.exchange().serviceName()));
        assertThat(defined).isEqualTo(PRODUCERS);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void typeIsTheVersionedShortNameUnderIoTouchpoint(EventType type) {
        assertThat(type.type())
                .matches("io\\.touchpoint\\.[a-z]+\\.[a-z_]+\\.v1")
                .isEqualTo("io.touchpoint." + type.routingKey() + ".v1");
        assertThat(type.routingKey()).startsWith(type.area() + ".");
        assertThat(type.name()).isEqualTo(type.routingKey().replace('.', '_').toUpperCase());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void sourceIsTheProducingService(EventType type) {
        assertThat(type.source()).isEqualTo("/touchpoint/" + type.exchange().serviceName());
    }

    @Test
    void typesRoutingKeysAndPayloadsAreUnique() {
        assertThat(Arrays.stream(EventType.values()).map(EventType::type)).doesNotHaveDuplicates();
        assertThat(Arrays.stream(EventType.values()).map(EventType::routingKey)).doesNotHaveDuplicates();
        assertThat(Arrays.stream(EventType.values()).map(EventType::payloadType))
                .doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void payloadIsAPastTenseRecordInTheAreaPackage(EventType type) {
        Class<? extends EventPayload> payload = type.payloadType();
        String expectedName = Arrays.stream(type.routingKey().split("[._]"))
                .map((word) -> Character.toUpperCase(word.charAt(0)) + word.substring(1))
                .collect(Collectors.joining());
        assertThat(payload.isRecord()).isTrue();
        assertThat(payload.getPackageName()).isEqualTo("io.touchpoint.events." + type.area());
        assertThat(payload.getSimpleName()).isEqualTo(expectedName);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaAndSampleResourcesArePresent(EventType type) {
        assertThat(type.schemaResource())
                .isEqualTo("/io/touchpoint/events/schemas/" + type.routingKey() + ".v1.schema.json");
        assertThat(type.sampleResource()).isEqualTo("/io/touchpoint/events/samples/" + type.routingKey() + ".v1.json");
        assertThat(Contract.exists(type.schemaResource()))
                .as(type.schemaResource())
                .isTrue();
        assertThat(Contract.exists(type.sampleResource()))
                .as(type.sampleResource())
                .isTrue();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void findsTheTypeByCloudEventTypeAndByPayload(EventType type) {
        assertThat(EventType.fromType(type.type())).contains(type);
        assertThat(EventType.of(type.payloadType())).isSameAs(type);
    }

    @Test
    void unknownCloudEventTypeIsEmpty() {
        assertThat(EventType.fromType("io.touchpoint.ticket.escalated.v2")).isEmpty();
        assertThat(EventType.fromType("ticket.escalated")).isEmpty();
        assertThat(EventType.fromType(null)).isEmpty();
    }

    @Test
    void payloadOfNoEventTypeIsRejected() {
        EventPayload stranger = () -> "tkt_1";
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EventType.of(stranger.getClass()))
                .withMessageContaining("not the payload of any event type");
    }

    @Test
    void eachServiceOwnsOneTouchpointExchange() {
        Map<String, Exchange> byName =
                Arrays.stream(Exchange.values()).collect(Collectors.toMap(Exchange::exchangeName, Function.identity()));
        assertThat(byName)
                .containsOnlyKeys(
                        "touchpoint.channel", "touchpoint.ticket", "touchpoint.feedback", "touchpoint.profile");
        assertThat(Exchange.TICKET.serviceName()).isEqualTo("ticket-service");
        assertThat(Exchange.CHANNEL.source()).isEqualTo("/touchpoint/channel-service");
        assertThat(Arrays.stream(Exchange.values()).map(Exchange::serviceName)).doesNotHaveDuplicates();
    }
}
