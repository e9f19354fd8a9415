package io.touchpoint.channel.web.webhook;

import io.touchpoint.channel.application.inbound.MalformedPayloadException;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the providers' webhook formats have in common: JSON bodies that are refused with a 400 that says what they
 * should have been, E.164 phone numbers and media types.
 */
public final class WebhookPayloads {

    /** Meta's and Telegram's JSON: snake_case, and open to the fields they keep adding. */
    public static final JsonMapper SNAKE_CASE = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** E.164: a plus, a country code that does not start with 0, at most 15 digits in all. */
    public static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    /** A media type as the event contract accepts it, parameters allowed. */
    public static final Pattern MEDIA_TYPE = Pattern.compile("[\\w.+-]+/[\\w.+-]+.*");

    private WebhookPayloads() {}

    /**
     * {@code body} read as {@code type}; {@link MalformedPayloadException} when it is not JSON of that shape or is
     * empty.
     *
     * @param what what the body should be, for the message: {@code "a Telegram update"}
     */
    public static <T> T read(JsonMapper json, byte[] body, Class<T> type, String what) {
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
}
