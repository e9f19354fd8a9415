package io.touchpoint.ticket.persistence;

import io.touchpoint.ticket.domain.FieldValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import java.util.TreeMap;
import org.bson.types.Decimal128;

/** Custom field values as the BSON type each stands for, so that real MongoDB can compare and sort them. */
final class CustomFieldValues {

    private CustomFieldValues() {}

    static Map<String, Object> toBson(Map<String, FieldValue> fields) {
        Map<String, Object> bson = new TreeMap<>();
        fields.forEach((name, value) -> bson.put(name, toBson(value)));
        return bson;
    }

    private static Object toBson(FieldValue value) {
        if (value instanceof FieldValue.Number number) {
            return new Decimal128(number.value());
        }
        if (value instanceof FieldValue.Flag flag) {
            return flag.value();
        }
        if (value instanceof FieldValue.Date date) {
            return Date.from(date.value().atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        return ((FieldValue.Text) value).value();
    }

    static Map<String, FieldValue> fromBson(Map<String, Object> bson) {
        Map<String, FieldValue> fields = new TreeMap<>();
        if (bson != null) {
            bson.forEach((name, value) -> fields.put(name, fromBson(value)));
        }
        return fields;
    }

    private static FieldValue fromBson(Object value) {
        if (value instanceof Decimal128 decimal) {
            return new FieldValue.Number(decimal.bigDecimalValue());
        }
        if (value instanceof Number number) {
            return new FieldValue.Number(new BigDecimal(number.toString()));
        }
        if (value instanceof Boolean flag) {
            return new FieldValue.Flag(flag);
        }
        if (value instanceof Date date) {
            return new FieldValue.Date(LocalDate.ofInstant(date.toInstant(), ZoneOffset.UTC));
        }
        return new FieldValue.Text(String.valueOf(value));
    }
}
