package io.touchpoint.ticket.domain.knowledge;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How a tenant's bot behaves on a customer's first message.
 *
 * @param enabled whether the bot answers and acknowledges at all; when off, every conversation goes to a person
 * @param confidenceThreshold 0 to 1: the lowest {@link ArticleMatch#confidence()} the bot answers with
 * @param expectedResponseTime what the acknowledgement promises when the caller knows nothing better (an SLA target)
 * @param acknowledgements templates by primary language subtag; {@value #RESPONSE_TIME_PLACEHOLDER} stands for the
 *     expected response time in that language
 * @param version 0 while the tenant has not saved settings of its own; the resource's ETag
 * @param updatedAt null while the tenant has not saved settings of its own
 */
public record BotSettings(
        String tenantId,
        boolean enabled,
        double confidenceThreshold,
        Duration expectedResponseTime,
        Map<String, String> acknowledgements,
        EscalationPhrases escalationPhrases,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static final String RESPONSE_TIME_PLACEHOLDER = "{{expectedResponseTime}}";

    public static final double DEFAULT_CONFIDENCE_THRESHOLD = 0.5;

    public static final Duration DEFAULT_EXPECTED_RESPONSE_TIME = Duration.ofHours(4);

    public static final Map<String, String> DEFAULT_ACKNOWLEDGEMENTS = Map.of(
            "en",
            "Thanks for your message. A member of our team will get back to you within {{expectedResponseTime}}.",
            "de",
            "Danke für Ihre Nachricht. Jemand aus unserem Team meldet sich innerhalb von {{expectedResponseTime}} bei Ihnen.",
            "fr",
            "Merci pour votre message. Un membre de notre équipe vous répondra dans un délai de {{expectedResponseTime}}.",
            "es",
            "Gracias por su mensaje. Un miembro de nuestro equipo le responderá en un plazo de {{expectedResponseTime}}.");

    private static final String FALLBACK_LANGUAGE = "en";

    public BotSettings {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(expectedResponseTime, "expectedResponseTime");
        Objects.requireNonNull(escalationPhrases, "escalationPhrases");
        if (!(confidenceThreshold >= 0 && confidenceThreshold <= 1)) {
            throw new IllegalArgumentException("the confidence threshold is between 0 and 1");
        }
        if (expectedResponseTime.isNegative() || expectedResponseTime.isZero()) {
            throw new IllegalArgumentException("the expected response time is positive");
        }
        acknowledgements = byPrimaryLanguage(acknowledgements);
    }

    /** The settings of a tenant that has not saved its own. */
    public static BotSettings defaults(String tenantId) {
        return new BotSettings(
                tenantId,
                true,
                DEFAULT_CONFIDENCE_THRESHOLD,
                DEFAULT_EXPECTED_RESPONSE_TIME,
                DEFAULT_ACKNOWLEDGEMENTS,
                EscalationPhrases.defaultPhrases(),
                0,
                null,
                null);
    }

    /**
     * The acknowledgement for a customer writing in {@code language}: that language's template, else the English one,
     * else any; null when there is none.
     *
     * @param responseTime the response time to promise, or null for {@link #expectedResponseTime()}
     */
    public String acknowledgement(String language, Duration responseTime) {
        String primary = LanguageTags.primary(language);
        String template = primary != null ? acknowledgements.get(primary) : null;
        String wordingLanguage = primary;
        if (template == null) {
            template = acknowledgements.get(FALLBACK_LANGUAGE);
            wordingLanguage = FALLBACK_LANGUAGE;
        }
        if (template == null && !acknowledgements.isEmpty()) {
            var first = acknowledgements.entrySet().iterator().next();
            template = first.getValue();
            wordingLanguage = first.getKey();
        }
        if (template == null) {
            return null;
        }
        Duration promised = responseTime != null && !responseTime.isNegative() && !responseTime.isZero()
                ? responseTime
                : expectedResponseTime;
        return template.replace(RESPONSE_TIME_PLACEHOLDER, ResponseTimeWording.of(promised, wordingLanguage));
    }

    private static Map<String, String> byPrimaryLanguage(Map<String, String> templates) {
        Map<String, String> normalized = new LinkedHashMap<>();
        if (templates != null) {
            templates.forEach((tag, template) -> {
                String language = LanguageTags.primary(tag);
                if (language == null || template == null || template.isBlank()) {
                    throw new IllegalArgumentException("an acknowledgement has a language and a text");
                }
                normalized.put(language, template);
            });
        }
        return Collections.unmodifiableMap(new TreeMap<>(normalized));
    }
}
