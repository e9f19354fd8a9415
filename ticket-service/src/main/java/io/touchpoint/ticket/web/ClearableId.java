package io.touchpoint.ticket.web;

import io.touchpoint.ticket.domain.Patch;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * An id field of a {@code PATCH} body that can be cleared: absent leaves the field alone, {@code null} clears it, a
 * string sets it (JSON Merge Patch semantics, which a plain {@code String} cannot tell apart).
 */
@JsonDeserialize(using = ClearableId.Reader.class)
record ClearableId(String value) {

    Patch<String> toPatch() {
        return value == null ? Patch.clear() : Patch.to(value);
    }

    static Patch<String> patch(ClearableId field) {
        return field == null ? null : field.toPatch();
    }

    static final class Reader extends ValueDeserializer<ClearableId> {

        @Override
        public ClearableId deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (ClearableId) context.handleUnexpectedToken(ClearableId.class, parser);
            }
            return new ClearableId(parser.getString());
        }

        @Override
        public Object getNullValue(DeserializationContext context) {
            return new ClearableId(null);
        }

        @Override
        public Object getAbsentValue(DeserializationContext context) {
            return null;
        }
    }
}
