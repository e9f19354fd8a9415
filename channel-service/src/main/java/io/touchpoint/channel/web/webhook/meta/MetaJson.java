package io.touchpoint.channel.web.webhook.meta;

import io.touchpoint.channel.application.MalformedPayloadException;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** Reading Meta's webhook JSON: snake_case, and open to the fields Meta keeps adding. */
final class MetaJson {

    private static final JsonMapper json = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** A media type as the event contract accepts it. */
    static final Pattern MEDIA_TYPE = Pattern.compile("[\\w.+-]+/[\\w.+-]+.*");

    private MetaJson() {}

    static <T> T read(byte[] body, Class<T> type, String what) {
        T value;
        try {
            value = json.readValue(body, type);
        } catch (JacksonException e) {
            throw new MalformedPayloadException("The body is not " + what + ": " + e.getOriginalMessage());
        }
        if (value == null) {
            throw new MalformedPayloadException("The body is empty.");
        }
        return value;
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null
                ? List.of()
                : list.stream().filter(java.util.Objects::nonNull).toList();
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    static String require(String value, String what) {
        if (isBlank(value)) {
            throw new MalformedPayloadException(what + " is missing.");
        }
        return value;
    }

    /** Unix seconds as WhatsApp sends them (a string), or null. */
    static Instant epochSeconds(String value) {
        if (isBlank(value)) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            throw new MalformedPayloadException("timestamp must be Unix seconds, not " + value + ".");
        }
    }
}
