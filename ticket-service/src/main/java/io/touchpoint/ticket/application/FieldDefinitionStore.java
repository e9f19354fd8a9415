package io.touchpoint.ticket.application;

import io.touchpoint.ticket.domain.FieldDefinition;
import java.util.List;
import java.util.Optional;

/** Where a tenant's custom field definitions are kept, one per field name. */
public interface FieldDefinitionStore {

    /** The tenant's definitions by name, at most {@code limit}. */
    List<FieldDefinition> all(String tenantId, int limit);

    Optional<FieldDefinition> find(String tenantId, String name);

    /** Stores a new definition; false if the name is defined already. */
    boolean insert(FieldDefinition definition);

    /** Replaces the label of a definition whose type is {@code definition}'s; false if there is none. */
    boolean updateLabel(FieldDefinition definition);

    boolean delete(String tenantId, String name);
}
