package io.touchpoint.ticket.domain.knowledge;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A FAQ or help article of one tenant, which the bot can send to a customer and agents can link to.
 *
 * @param id {@code kba_…}
 * @param language BCP 47, canonical spelling; decides how the article is analysed for search
 * @param tags lower case, without duplicates, in the order given
 * @param version incremented on every change; the resource's ETag
 */
public record KnowledgeArticle(
        String id,
        String tenantId,
        String title,
        String body,
        String language,
        List<String> tags,
        ArticleStatus status,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static final String ID_PREFIX = "kba";

    public KnowledgeArticle {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(status, "status");
        language = LanguageTags.canonical(language);
        tags = normalizeTags(tags);
    }

    public boolean isPublished() {
        return status == ArticleStatus.PUBLISHED;
    }

    /** The primary language subtag ({@code de} for {@code de-CH}). */
    public String primaryLanguage() {
        return LanguageTags.primary(language);
    }

    private static List<String> normalizeTags(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        var normalized = new LinkedHashSet<String>();
        for (String tag : tags) {
            if (tag != null && !tag.isBlank()) {
                normalized.add(tag.trim().toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(normalized);
    }
}
