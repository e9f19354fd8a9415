package io.touchpoint.starter.cloudevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.touchpoint.events.CloudEventHeaders;
import io.touchpoint.events.EventJson;
import io.touchpoint.events.EventType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.messaging.support.MessageBuilder;

class CloudEventReaderTests {

    private final CloudEventReader reader = new CloudEventReader();

    private final CloudEvent event = CloudEvent.of("tenant-1", SampleEvents.escalated("ticket-42"));

    @Test
    void messageCarriesTheCloudEventsAmqpBindingHeadersOfItsEventType() {
        EventType type = SampleEvents.eventType();

        Message message = CloudEventMessages.toMessage(event);

        assertThat(message.getMessageProperties().getHeaders())
                .containsEntry(CloudEventHeaders.ID, event.id())
                .containsEntry(CloudEventHeaders.TYPE, type.type())
                .containsEntry(CloudEventHeaders.SOURCE, type.source())
                .containsEntry(CloudEventHeaders.SUBJECT, "ticket-42")
                .containsEntry(CloudEventHeaders.TENANT_ID, "tenant-1")
                .containsEntry(CloudEventHeaders.SPEC_VERSION, "1.0")
                .containsEntry(CloudEventHeaders.TIME, event.time().toString());
        assertThat(Instant.parse((String) message.getMessageProperties().getHeader(CloudEventHeaders.TIME)))
                .isEqualTo(event.time());
        assertThat(message.getMessageProperties().getContentType()).isEqualTo("application/json");
        assertThat(message.getMessageProperties().getDeliveryMode()).isEqualTo(MessageDeliveryMode.PERSISTENT);
        assertThat(message.getBody()).isEqualTo(EventJson.write(SampleEvents.escalated("ticket-42")));
    }

    @Test
    void eventIsAddressedToTheExchangeAndRoutingKeyOfItsType() {
        OutgoingEvent outgoing = OutgoingEvent.of(event);

        assertThat(outgoing.exchange())
                .isEqualTo(SampleEvents.eventType().exchange().exchangeName());
        assertThat(outgoing.routingKey()).isEqualTo(SampleEvents.eventType().routingKey());
    }

    @Test
    void readsWhatThePublisherWrites() {
        ReceivedEvent<?> received = reader.read(CloudEventMessages.toMessage(event), SampleEvents.TYPE);

        assertThat(received.id()).isEqualTo(event.id());
        assertThat(received.type()).isEqualTo(event.type());
        assertThat(received.tenantId()).isEqualTo("tenant-1");
        assertThat(received.subject()).isEqualTo("ticket-42");
        assertThat(received.time()).isEqualTo(event.time());
        assertThat(received.payload()).isEqualTo(SampleEvents.escalated("ticket-42"));
    }

    @Test
    void readsASpringCloudStreamMessageWithUnknownHeadersAndUnknownFields() {
        String json = new String(event.data(), StandardCharsets.UTF_8);
        byte[] withUnknownField =
                ("{\"addedInALaterMinorVersion\":{\"x\":1}," + json.substring(1)).getBytes(StandardCharsets.UTF_8);
        org.springframework.messaging.Message<byte[]> message = MessageBuilder.withPayload(withUnknownField)
                .copyHeaders(CloudEventMessages.toMessage(event)
                        .getMessageProperties()
                        .getHeaders())
                .setHeader("cloudEvents_partnerextension", "anything")
                .setHeader("contentType", "application/json")
                .build();

        ReceivedEvent<?> received = reader.read(message, SampleEvents.TYPE);

        assertThat(received.payload()).isEqualTo(SampleEvents.escalated("ticket-42"));
    }

    @Test
    void messageWithoutIdIsRejected() {
        assertThatExceptionOfType(InvalidCloudEventException.class)
                .isThrownBy(() -> reader.read(without(CloudEventHeaders.ID), SampleEvents.TYPE))
                .withMessageContaining(CloudEventHeaders.ID);
    }

    @Test
    void messageWithoutTypeIsRejected() {
        assertThatExceptionOfType(InvalidCloudEventException.class)
                .isThrownBy(() -> reader.read(without(CloudEventHeaders.TYPE), SampleEvents.TYPE))
                .withMessageContaining(CloudEventHeaders.TYPE);
    }

    @Test
    void messageWithoutTenantIsRejected() {
        assertThatExceptionOfType(InvalidCloudEventException.class)
                .isThrownBy(() -> reader.read(without(CloudEventHeaders.TENANT_ID), SampleEvents.TYPE))
                .withMessageContaining(CloudEventHeaders.TENANT_ID);
    }

    @Test
    void messageOfAnotherTypeIsRejected() {
        Message message = CloudEventMessages.toMessage(event);
        message.getMessageProperties().setHeader(CloudEventHeaders.TYPE, "io.touchpoint.ticket.escalated.v2");

        assertThatExceptionOfType(InvalidCloudEventException.class)
                .isThrownBy(() -> reader.read(message, SampleEvents.TYPE))
                .withMessageContaining("expected " + event.type());
    }

    @Test
    void timeThatIsNotRfc3339IsRejected() {
        Message message = CloudEventMessages.toMessage(event);
        message.getMessageProperties().setHeader(CloudEventHeaders.TIME, "yesterday");

        assertThatExceptionOfType(InvalidCloudEventException.class)
                .isThrownBy(() -> reader.read(message, SampleEvents.TYPE))
                .withMessageContaining("RFC 3339");
    }

    @Test
    void timeWithAnOffsetIsRead() {
        Map<String, Object> headers = new java.util.HashMap<>(
                CloudEventMessages.toMessage(event).getMessageProperties().getHeaders());
        headers.put(CloudEventHeaders.TIME, "2026-03-01T10:15:30.250+02:00");

        CloudEvent read = CloudEventMessages.fromHeaders(headers, event.data());

        assertThat(read.time()).isEqualTo(Instant.parse("2026-03-01T08:15:30.250Z"));
    }

    private Message without(String header) {
        Message message = CloudEventMessages.toMessage(event);
        message.getMessageProperties().getHeaders().remove(header);
        return message;
    }
}
