package io.touchpoint.starter.outbox;

import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;

/** Triggers the relay after a {@code save}/{@code insert} of a document that carries outbox events. */
class OutboxSaveTrigger extends AbstractMongoEventListener<Object> {

    private final OutboxRelays relays;

    OutboxSaveTrigger(OutboxRelays relays) {
        this.relays = relays;
    }

    @Override
    public void onAfterSave(AfterSaveEvent<Object> event) {
        Document document = event.getDocument();
        if (document == null || !relays.handles(event.getCollectionName())) {
            return;
        }
        if (document.get(Outbox.FIELD) instanceof List<?> outbox && !outbox.isEmpty()) {
            relays.afterWrite(event.getCollectionName(), document.get("_id"));
        }
    }
}
