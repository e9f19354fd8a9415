package io.touchpoint.starter.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchpoint.events.EventJson;
import io.touchpoint.events.EventType;
import io.touchpoint.starter.cloudevents.SampleEvents;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Update;

class OutboxTests {

    @Test
    void appendPushesTheEventsInTheSameUpdateAsTheStateChange() {
        Update update = new Update().set("status", "ESCALATED");

        Outbox.append(update, "tenant-1", SampleEvents.escalated("ticket-42"), SampleEvents.escalated("ticket-42"));

        Document updateObject = MappedUpdates.of(update);
        assertThat(updateObject.get("$set", Document.class)).containsEntry("status", "ESCALATED");
        Document each = updateObject.get("$push", Document.class).get("outbox", Document.class);
        assertThat(each.keySet()).containsExactly("$each");
        List<?> events = each.getList("$each", Object.class);
        assertThat(events).hasSize(2);
        Document first = (Document) events.get(0);
        EventType type = SampleEvents.eventType();
        assertThat(first)
                .containsEntry("type", type.type())
                .containsEntry("source", type.source())
                .containsEntry("exchange", type.exchange().exchangeName())
                .containsEntry("routingKey", type.routingKey())
                .containsEntry("subject", "ticket-42")
                .containsEntry("tenantId", "tenant-1")
                .containsEntry(
                        "data",
                        new String(EventJson.write(SampleEvents.escalated("ticket-42")), StandardCharsets.UTF_8));
        assertThat(first.get("time")).isInstanceOf(Date.class);
        assertThat(first.getString("eventId")).isNotBlank().isNotEqualTo(((Document) events.get(1)).get("eventId"));
    }

    @Test
    void appendWithoutEventsLeavesTheUpdateAlone() {
        Update update = new Update().set("status", "OPEN");

        Outbox.append(update, "tenant-1");

        assertThat(update.getUpdateObject()).containsOnlyKeys("$set");
    }

    @Test
    void storedEntryIsPublishedAsTheEventItWasCreatedFrom() {
        OutboxEvent event = OutboxEvent.of("tenant-1", SampleEvents.escalated("ticket-42"));

        OutboxEvent stored = OutboxEvent.fromDocument(event.toDocument());

        assertThat(stored).isEqualTo(event);
        assertThat(stored.toOutgoing().event().id()).isEqualTo(event.eventId());
        assertThat(stored.toOutgoing().routingKey())
                .isEqualTo(SampleEvents.eventType().routingKey());
    }
}
