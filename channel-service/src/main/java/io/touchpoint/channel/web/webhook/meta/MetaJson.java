package io.touchpoint.channel.web.webhook.meta;

import io.touchpoint.channel.application.inbound.MalformedPayloadException;
import io.touchpoint.channel.web.webhook.WebhookPayloads;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Reading Meta's webhook JSON: snake_case, and open to the fields Meta keeps adding. */
final class MetaJson {

    private MetaJson() {}

    static <T> T read(byte[] body, Class<T> type, String what) {
        return WebhookPayloads.read(WebhookPayloads.SNAKE_CASE, body, type, what);
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
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
