package io.touchpoint.starter.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchpoint.starter.outbox.MappedUpdates;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

class AppliedEventsTests {

    @Test
    void conditionMatchesOnlyADocumentThatHasNotRecordedTheEvent() {
        Query query = AppliedEvents.notApplied(Query.query(Criteria.where("_id").is("ticket-42")), "event-1");

        assertThat(query.getQueryObject())
                .containsEntry("_id", "ticket-42")
                .containsEntry("appliedEvents", new Document("$ne", "event-1"));
    }

    @Test
    void recordingKeepsTheLastHundredEventIdsInTheSameUpdate() {
        Update update = AppliedEvents.record(new Update().inc("replies", 1), "event-1");

        Document mapped = MappedUpdates.of(update);
        assertThat(mapped.get("$inc", Document.class)).containsEntry("replies", 1);
        Document push = mapped.get("$push", Document.class).get("appliedEvents", Document.class);
        assertThat(push.getList("$each", Object.class)).isEqualTo(List.of("event-1"));
        assertThat(push).containsEntry("$slice", -100);
    }
}
