package io.touchpoint.channel.persistence.inbound;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.touchpoint.channel.application.inbound.InboundMessageStore;
import io.touchpoint.channel.domain.inbound.InboundMessage;
import io.touchpoint.events.interaction.InteractionReceived;
import io.touchpoint.starter.outbox.Outbox;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

@Repository
class MongoInboundMessageStore implements InboundMessageStore {

    private final MongoTemplate mongo;

    MongoInboundMessageStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<String> insertIfAbsent(
            String tenantId, String connectionId, InteractionReceived event, InboundMessage message) {
        var document = new InboundMessageDocument(
                event.interactionId(),
                tenantId,
                connectionId,
                message.channel(),
                message.providerMessageId(),
                message.customer(),
                message.thread(),
                message.content(),
                message.language(),
                message.metadata(),
                message.receivedAt(),
                Outbox.events(tenantId, event));
        try {
            // The save listener of the starter hands the new outbox entry to the relay right after this insert.
            mongo.insert(document);
            return Optional.empty();
        } catch (DuplicateKeyException stored) {
            var existing = mongo.findOne(
                    query(where("tenantId")
                            .is(tenantId)
                            .and("channel")
                            .is(message.channel())
                            .and("providerMessageId")
                            .is(message.providerMessageId())),
                    InboundMessageDocument.class);
            if (existing == null) {
                throw stored; // an _id collision, not a duplicate message: cannot happen with random ids
            }
            return Optional.of(existing.id());
        }
    }

    @Override
    public Optional<StoredInboundMessage> find(String tenantId, String id) {
        return Optional.ofNullable(mongo.findOne(
                        query(where("_id").is(id).and("tenantId").is(tenantId)), InboundMessageDocument.class))
                .map(document -> new StoredInboundMessage(
                        document.id(),
                        document.tenantId(),
                        document.connectionId(),
                        new InboundMessage(
                                document.channel(),
                                document.providerMessageId(),
                                document.customer(),
                                document.thread(),
                                document.content(),
                                document.language(),
                                document.metadata(),
                                document.receivedAt())));
    }
}
