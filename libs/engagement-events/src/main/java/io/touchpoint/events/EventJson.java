package io.touchpoint.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes event data as the contract's JSON: instants as RFC 3339 strings, absent values omitted, and
 * unknown properties ignored on read so a consumer keeps working when a producer adds a field within a version.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = configure(JsonMapper.builder()).build();

    private EventJson() {}

    /** The configured mapper, for callers that need trees or streams. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** Applies the contract's settings to {@code builder}, e.g. to make a framework's mapper write events alike. */
    public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        return builder.disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .changeDefaultPropertyInclusion(
                        (inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL));
    }

    /** The event data of {@code payload}, UTF-8 JSON. */
    public static byte[] write(EventPayload payload) {
        return MAPPER.writeValueAsBytes(payload);
    }

    /**
     * Reads event data into {@code payloadType}.
     * @throws tools.jackson.core.JacksonException if {@code data} is not JSON of that shape
     */
    public static <T extends EventPayload> T read(byte[] data, Class<T> payloadType) {
        return MAPPER.readValue(data, payloadType);
    }

    /** Reads event data into the payload record of {@code eventType}. */
    public static EventPayload read(byte[] data, EventType eventType) {
        return read(data, eventType.payloadType());
    }
}
