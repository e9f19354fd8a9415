package io.touchpoint.channel.persistence.connection;

import io.touchpoint.channel.domain.connection.ConnectionStatus;
import io.touchpoint.events.Channel;
import java.time.Instant;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** A channel connection as stored; {@code secrets} hold ciphertexts only. */
@Document(ConnectionDocument.COLLECTION)
@CompoundIndex(name = "tenant_id", def = "{'tenantId': 1, '_id': 1}")
record ConnectionDocument(
        @Id String id,
        String tenantId,
        Channel kind,
        String displayName,
        Map<String, String> settings,
        Map<String, String> secrets,
        ConnectionStatus status,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    static final String COLLECTION = "connections";
}
