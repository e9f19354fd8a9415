package io.touchpoint.ticket.knowledge;

import io.touchpoint.ticket.domain.knowledge.ArticleStatus;
import io.touchpoint.ticket.domain.knowledge.KnowledgeArticle;
import io.touchpoint.ticket.domain.knowledge.KnowledgeIds;
import java.time.Instant;
import java.util.List;

/** Articles for tests. */
final class Articles {

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private Articles() {}

    static KnowledgeArticle published(String tenantId, String language, String title, String body, String... tags) {
        return article(tenantId, language, title, body, ArticleStatus.PUBLISHED, tags);
    }

    static KnowledgeArticle draft(String tenantId, String language, String title, String body) {
        return article(tenantId, language, title, body, ArticleStatus.DRAFT);
    }

    private static KnowledgeArticle article(
            String tenantId, String language, String title, String body, ArticleStatus status, String... tags) {
        return new KnowledgeArticle(
                KnowledgeIds.next(KnowledgeArticle.ID_PREFIX),
                tenantId,
                title,
                body,
                language,
                List.of(tags),
                status,
                1,
                NOW,
                NOW);
    }

    /** A long article about something else that mentions {@code word} once, deep in its body. */
    static String unrelatedBodyMentioning(String word) {
        String filler =
                "Our warehouse ships parcels every weekday. Carriers collect them in the afternoon, and tracking"
                        + " numbers arrive by email once the label is printed. Bulky items travel by freight. ";
        return filler.repeat(6) + "Keep your " + word + " to yourself when you call the carrier. " + filler.repeat(6);
    }
}
