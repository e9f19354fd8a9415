package io.touchpoint.ticket.persistence.knowledge;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A tenant's bot settings as stored, keyed by tenant id. Map keys are primary language subtags (letters only, so safe
 * as field names).
 *
 * @param expectedResponseTime ISO 8601 ({@code PT4H})
 */
@Document(BotSettingsDocument.COLLECTION)
record BotSettingsDocument(
        @Id String tenantId,
        boolean enabled,
        double confidenceThreshold,
        String expectedResponseTime,
        Map<String, String> acknowledgements,
        Map<String, List<String>> escalationPhrases,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    static final String COLLECTION = "bot_settings";
}
