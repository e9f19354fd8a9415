package io.touchpoint.ticket.application;

import io.touchpoint.starter.problem.ConflictException;
import io.touchpoint.starter.problem.NotFoundException;
import io.touchpoint.starter.problem.UnprocessableException;
import io.touchpoint.ticket.domain.FieldDefinition;
import io.touchpoint.ticket.domain.FieldValue;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * A tenant's custom field definitions, and the typing of custom field values they impose. A field's type is fixed
 * once defined: values stored under the old type would otherwise silently stop matching it.
 */
@Service
public class CustomFieldDefinitions {

    public static final int MAX_DEFINITIONS = 100;

    private final FieldDefinitionStore store;

    private final Clock clock;

    public CustomFieldDefinitions(FieldDefinitionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public List<FieldDefinition> all(String tenantId) {
        return store.all(tenantId, MAX_DEFINITIONS);
    }

    /**
     * Defines field {@code name}, or changes its label.
     *
     * @return the definition, and whether it was created now
     */
    public Defined define(String tenantId, String name, FieldDefinition.Type type, String label) {
        var now = clock.instant();
        var definition = new FieldDefinition(tenantId, name, type, label, now, now);
        var existing = store.find(tenantId, name);
        if (existing.isEmpty()) {
            if (store.all(tenantId, MAX_DEFINITIONS).size() >= MAX_DEFINITIONS) {
                throw new UnprocessableException(
                        "too_many_fields", "A tenant defines at most " + MAX_DEFINITIONS + " custom fields.");
            }
            if (store.insert(definition)) {
                return new Defined(definition, true);
            }
            existing = store.find(tenantId, name);
        }
        FieldDefinition current = existing.orElseThrow(() -> notFound(name));
        if (current.type() != type) {
            throw new ConflictException(
                    "field_type_fixed",
                    "Custom field " + name + " is a " + current.type().apiName() + " field; its type cannot change.");
        }
        var relabeled = new FieldDefinition(tenantId, name, type, label, current.createdAt(), now);
        if (!store.updateLabel(relabeled)) {
            throw notFound(name);
        }
        return new Defined(relabeled, false);
    }

    public void delete(String tenantId, String name) {
        if (!store.delete(tenantId, name)) {
            throw notFound(name);
        }
    }

    /**
     * The custom field changes with each value conformed to its field's definition: a date field's string becomes a
     * date, a value of another type is refused. Fields without a definition keep their values' types; null values
     * (removals) stay null.
     */
    public Map<String, FieldValue> conform(String tenantId, Map<String, FieldValue> changes) {
        if (changes == null || changes.isEmpty()) {
            return changes;
        }
        Map<String, FieldDefinition> definitions = new HashMap<>();
        all(tenantId).forEach(definition -> definitions.put(definition.name(), definition));
        Map<String, FieldValue> conformed = new HashMap<>();
        changes.forEach((name, value) -> {
            FieldDefinition definition = definitions.get(name);
            conformed.put(name, value == null || definition == null ? value : definition.conform(value));
        });
        return conformed;
    }

    private static NotFoundException notFound(String name) {
        return new NotFoundException("custom_field_not_found", "No custom field " + name + ".");
    }

    /** A definition, and whether {@link #define} created it. */
    public record Defined(FieldDefinition definition, boolean created) {}
}
