package io.touchpoint.ticket.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A tenant's declaration of a custom field: its values must have {@code type}. Fields nobody declared keep the type
 * their values came with.
 *
 * @param label a name fit for an agent console
 */
public record FieldDefinition(
        String tenantId, String name, Type type, String label, Instant createdAt, Instant updatedAt) {

    public static final int MAX_LABEL_LENGTH = 200;

    private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,63}");

    public FieldDefinition {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(type, "type");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidFieldException("name", "must be a letter followed by up to 63 letters, digits or _");
        }
        if (label != null && label.length() > MAX_LABEL_LENGTH) {
            throw new InvalidFieldException("label", "must be at most " + MAX_LABEL_LENGTH + " characters");
        }
    }

    /**
     * {@code value} as this field's type: a date field takes a {@code YYYY-MM-DD} string.
     *
     * @throws InvalidFieldException when the value has another type
     */
    public FieldValue conform(FieldValue value) {
        boolean fits =
                switch (type) {
                    case STRING -> value instanceof FieldValue.Text;
                    case NUMBER -> value instanceof FieldValue.Number;
                    case BOOLEAN -> value instanceof FieldValue.Flag;
                    case DATE -> value instanceof FieldValue.Date || value instanceof FieldValue.Text;
                };
        if (!fits) {
            throw mismatch();
        }
        if (type == Type.DATE && value instanceof FieldValue.Text text) {
            try {
                return new FieldValue.Date(LocalDate.parse(text.value()));
            } catch (DateTimeParseException e) {
                throw mismatch();
            }
        }
        return value;
    }

    private InvalidFieldException mismatch() {
        return new InvalidFieldException(
                "customFields." + name, "must be a " + type.apiName() + (type == Type.DATE ? " (YYYY-MM-DD)" : ""));
    }

    /** The types a custom field can have. */
    public enum Type {
        STRING,
        NUMBER,
        BOOLEAN,
        DATE;

        public String apiName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
