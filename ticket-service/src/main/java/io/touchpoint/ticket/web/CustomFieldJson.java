package io.touchpoint.ticket.web;

import io.touchpoint.ticket.domain.FieldValue;
import io.touchpoint.ticket.domain.InvalidFieldException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Custom field values between JSON and the domain: strings, numbers and booleans keep their JSON type; dates are
 * written as {@code YYYY-MM-DD}. {@code null} in a request removes the field.
 */
final class CustomFieldJson {

    /** Decimal128 holds 34 significant digits. */
    private static final int MAX_PRECISION = 34;

    private CustomFieldJson() {}

    /** The changes a request asks for; a field mapped to null is to be removed. */
    static Map<String, FieldValue> changes(Map<String, Object> json) {
        if (json == null) {
            return null;
        }
        Map<String, FieldValue> changes = new HashMap<>();
        json.forEach((name, value) -> changes.put(name, value == null ? null : valueOf(name, value)));
        return changes;
    }

    static Map<String, Object> toJson(Map<String, FieldValue> fields) {
        Map<String, Object> json = new LinkedHashMap<>();
        fields.forEach((name, value) -> json.put(name, toJson(value)));
        return json;
    }

    private static Object toJson(FieldValue value) {
        if (value instanceof FieldValue.Text text) {
            return text.value();
        }
        if (value instanceof FieldValue.Number number) {
            return number.value();
        }
        if (value instanceof FieldValue.Flag flag) {
            return flag.value();
        }
        return ((FieldValue.Date) value).value().toString();
    }

    private static FieldValue valueOf(String name, Object value) {
        String field = "customFields." + name;
        if (value instanceof String text) {
            if (text.length() > FieldValue.Text.MAX_LENGTH) {
                throw new InvalidFieldException(field, "must be at most " + FieldValue.Text.MAX_LENGTH + " characters");
            }
            return new FieldValue.Text(text);
        }
        if (value instanceof Boolean flag) {
            return new FieldValue.Flag(flag);
        }
        if (value instanceof Number number) {
            BigDecimal decimal = new BigDecimal(number.toString());
            if (decimal.precision() > MAX_PRECISION) {
                throw new InvalidFieldException(field, "has more than " + MAX_PRECISION + " significant digits");
            }
            return new FieldValue.Number(decimal);
        }
        throw new InvalidFieldException(field, "must be a string, number, boolean or null");
    }
}
