package io.touchpoint.ticket.application.knowledge;

import io.touchpoint.ticket.domain.knowledge.ArticleStatus;
import io.touchpoint.ticket.domain.knowledge.KnowledgeArticle;
import java.util.List;
import java.util.Optional;

/** Where knowledge-base articles are kept. Every write that changes what is published is visible to search. */
public interface ArticleStore {

    void insert(KnowledgeArticle article);

    Optional<KnowledgeArticle> find(String tenantId, String id);

    /** Articles of {@code tenantId} in id order after {@code after} (exclusive, may be null), at most {@code limit}. */
    List<KnowledgeArticle> page(String tenantId, ArticleFilter filter, String after, int limit);

    /**
     * Replaces the article if its stored version is {@code expectedVersion}.
     *
     * @return false if it changed meanwhile or does not exist
     */
    boolean replace(KnowledgeArticle article, long expectedVersion);

    /**
     * Deletes the article if its stored version is {@code expectedVersion}.
     *
     * @return false if it changed meanwhile or does not exist
     */
    boolean delete(String tenantId, String id, long expectedVersion);

    /**
     * Which articles a page holds; null fields do not filter.
     *
     * @param language a primary language subtag: {@code en} lists {@code en}, {@code en-US} and {@code en-GB} articles
     */
    record ArticleFilter(ArticleStatus status, String language, String tag) {

        public static final ArticleFilter NONE = new ArticleFilter(null, null, null);
    }
}
