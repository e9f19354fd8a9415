package io.touchpoint.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.touchpoint.events.ticket.Priority;
import io.touchpoint.events.ticket.TicketEscalated;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EventJsonTests {

    private final TicketEscalated escalated = new TicketEscalated(
            "tkt_1",
            1,
            Priority.NORMAL,
            Priority.URGENT,
            null,
            "team_tier2",
            null,
            TicketEscalated.Reason.MANUAL,
            null,
            Actor.agent("agt_7"),
            null,
            Instant.parse("2026-11-22T14:03:00Z"));

    @Test
    void writesInstantsAsRfc3339AndEnumsAsTheirContractValues() {
        JsonNode json = EventJson.mapper().readTree(EventJson.write(this.escalated));
        assertThat(json.path("escalatedAt").asString()).isEqualTo("2026-11-22T14:03:00Z");
        assertThat(json.path("priority").asString()).isEqualTo("urgent");
        assertThat(json.path("reason").asString()).isEqualTo("manual");
        assertThat(json.at("/escalatedBy/kind").asString()).isEqualTo("agent");
    }

    @Test
    void omitsAbsentValuesAndTheSubject() {
        JsonNode json = EventJson.mapper().readTree(EventJson.write(this.escalated));
        assertThat(json.propertyNames()).doesNotContain("previousTeamId", "assigneeId", "ruleId", "note", "subject");
        assertThat(json.path("escalatedBy").propertyNames()).containsExactlyInAnyOrder("kind", "id");
    }

    @Test
    void readsWhatItWrites() {
        assertThat(EventJson.read(EventJson.write(this.escalated), TicketEscalated.class))
                .isEqualTo(this.escalated);
        assertThat(EventJson.read(EventJson.write(this.escalated), EventType.TICKET_ESCALATED))
                .isEqualTo(this.escalated);
    }

    @Test
    void ignoresPropertiesAddedLaterInTheVersion() {
        String json =
                """
                {"ticketId":"tkt_1","level":2,"priority":"high","reason":"rule","escalatedBy":{"kind":"system"},
                 "escalatedAt":"2026-11-22T14:03:00Z","sentiment":{"score":-0.7}}""";
        TicketEscalated read = EventJson.read(json.getBytes(StandardCharsets.UTF_8), TicketEscalated.class);
        assertThat(read.level()).isEqualTo(2);
        assertThat(read.escalatedBy()).isEqualTo(Actor.system());
    }

    @Test
    void rejectsDataThatIsNotJsonOfThePayloadsShape() {
        assertThatExceptionOfType(JacksonException.class)
                .isThrownBy(() ->
                        EventJson.read("{\"level\":\"high\"}".getBytes(StandardCharsets.UTF_8), TicketEscalated.class));
        assertThatExceptionOfType(JacksonException.class)
                .isThrownBy(() -> EventJson.read("not json".getBytes(StandardCharsets.UTF_8), TicketEscalated.class));
    }

    @Test
    void configureGivesAnotherMapperTheSameBehaviour() {
        JsonMapper other = EventJson.configure(JsonMapper.builder()).build();
        assertThat(other.writeValueAsString(this.escalated))
                .isEqualTo(EventJson.mapper().writeValueAsString(this.escalated));
    }

    @Test
    void absentListsReadAsEmpty() {
        MessageContent content = EventJson.mapper().readValue("{\"text\":\"hi\"}", MessageContent.class);
        assertThat(content.attachments()).isEmpty();
    }
}
