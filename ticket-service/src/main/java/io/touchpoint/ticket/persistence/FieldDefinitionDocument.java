package io.touchpoint.ticket.persistence;

import io.touchpoint.ticket.domain.FieldDefinition;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** A custom field definition as stored; {@code _id} is {@code tenantId|name}, so a name is defined once per tenant. */
@Document(FieldDefinitionDocument.COLLECTION)
@CompoundIndex(name = "tenant_name", def = "{'tenantId': 1, 'name': 1}")
record FieldDefinitionDocument(
        @Id String id,
        String tenantId,
        String name,
        FieldDefinition.Type type,
        String label,
        Instant createdAt,
        Instant updatedAt) {

    static final String COLLECTION = "custom_field_definitions";

    static String id(String tenantId, String name) {
        return tenantId + "|" + name;
    }

    static FieldDefinitionDocument of(FieldDefinition definition) {
        return new FieldDefinitionDocument(
                id(definition.tenantId(), definition.name()),
                definition.tenantId(),
                definition.name(),
                definition.type(),
                definition.label(),
                definition.createdAt(),
                definition.updatedAt());
    }

    FieldDefinition toDefinition() {
        return new FieldDefinition(tenantId, name, type, label, createdAt, updatedAt);
    }
}
