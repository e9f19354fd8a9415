package io.touchpoint.ticket.domain;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** The rules for custom field names and how a change to them is applied. */
public final class CustomFields {

    public static final int MAX_FIELDS = 100;

    private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,63}");

    private CustomFields() {}

    /**
     * The fields after {@code changes}: a field mapped to null is removed, the others are set.
     *
     * @throws InvalidFieldException for a name that is not an identifier, or too many fields
     */
    public static Map<String, FieldValue> apply(Map<String, FieldValue> current, Map<String, FieldValue> changes) {
        Map<String, FieldValue> result = new TreeMap<>(current);
        changes.forEach((name, value) -> {
            if (!NAME.matcher(name).matches()) {
                throw new InvalidFieldException(
                        "customFields." + name, "must be a letter followed by up to 63 letters, digits or _");
            }
            if (value == null) {
                result.remove(name);
            } else {
                result.put(name, value);
            }
        });
        if (result.size() > MAX_FIELDS) {
            throw new InvalidFieldException("customFields", "a ticket has at most " + MAX_FIELDS + " custom fields");
        }
        return result;
    }
}
