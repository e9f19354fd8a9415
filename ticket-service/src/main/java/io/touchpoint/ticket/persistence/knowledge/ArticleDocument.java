package io.touchpoint.ticket.persistence.knowledge;

import io.touchpoint.ticket.domain.knowledge.ArticleStatus;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A knowledge-base article as stored.
 *
 * @param primaryLanguage the primary subtag of {@code language}, for filtering lists by language
 */
@Document(ArticleDocument.COLLECTION)
@CompoundIndexes({
    @CompoundIndex(name = "tenant_id", def = "{'tenantId': 1, '_id': 1}"),
    @CompoundIndex(name = "tenant_status_id", def = "{'tenantId': 1, 'status': 1, '_id': 1}")
})
record ArticleDocument(
        @Id String id,
        String tenantId,
        String title,
        String body,
        String language,
        String primaryLanguage,
        List<String> tags,
        ArticleStatus status,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    static final String COLLECTION = "knowledge_articles";
}
