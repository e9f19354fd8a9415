package io.touchpoint.ticket.application.knowledge;

import io.touchpoint.starter.problem.NotFoundException;
import io.touchpoint.starter.problem.PreconditionFailedException;
import io.touchpoint.ticket.application.knowledge.ArticleStore.ArticleFilter;
import io.touchpoint.ticket.domain.knowledge.ArticleMatch;
import io.touchpoint.ticket.domain.knowledge.ArticleStatus;
import io.touchpoint.ticket.domain.knowledge.KnowledgeArticle;
import io.touchpoint.ticket.domain.knowledge.KnowledgeIds;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/** Writing, reading and searching a tenant's knowledge-base articles. */
@Service
public class ArticleManagement {

    private final ArticleStore store;

    private final ArticleSearch search;

    private final Clock clock;

    public ArticleManagement(ArticleStore store, ArticleSearch search, ObjectProvider<Clock> clock) {
        this.store = store;
        this.search = search;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    public KnowledgeArticle create(String tenantId, CreateArticle command) {
        var now = clock.instant();
        var article = new KnowledgeArticle(
                KnowledgeIds.next(KnowledgeArticle.ID_PREFIX),
                tenantId,
                command.title(),
                command.body(),
                command.language(),
                command.tags(),
                command.status() != null ? command.status() : ArticleStatus.DRAFT,
                1,
                now,
                now);
        store.insert(article);
        return article;
    }

    public KnowledgeArticle get(String tenantId, String id) {
        return store.find(tenantId, id).orElseThrow(() -> notFound(id));
    }

    public List<KnowledgeArticle> page(String tenantId, ArticleFilter filter, String after, int limit) {
        return store.page(tenantId, filter, after, limit);
    }

    /**
     * Applies the fields of {@code command} that are set.
     *
     * @param expectedVersion the version the caller read ({@code If-Match}), or null to change whatever is stored
     */
    public KnowledgeArticle update(String tenantId, String id, UpdateArticle command, Long expectedVersion) {
        KnowledgeArticle current = get(tenantId, id);
        checkVersion(current, expectedVersion);
        var updated = new KnowledgeArticle(
                current.id(),
                tenantId,
                command.title() != null ? command.title() : current.title(),
                command.body() != null ? command.body() : current.body(),
                command.language() != null ? command.language() : current.language(),
                command.tags() != null ? command.tags() : current.tags(),
                command.status() != null ? command.status() : current.status(),
                current.version() + 1,
                current.createdAt(),
                clock.instant());
        if (!store.replace(updated, current.version())) {
            throw changedMeanwhile(id);
        }
        return updated;
    }

    /** @param expectedVersion as for {@link #update} */
    public void delete(String tenantId, String id, Long expectedVersion) {
        KnowledgeArticle current = get(tenantId, id);
        checkVersion(current, expectedVersion);
        if (!store.delete(tenantId, id, current.version())) {
            throw changedMeanwhile(id);
        }
    }

    /** The published articles that best answer {@code text}; see {@link ArticleSearch#search}. */
    public List<ArticleMatch> search(String tenantId, String text, String language, int limit) {
        return search.search(tenantId, text, language, limit);
    }

    private static void checkVersion(KnowledgeArticle current, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new PreconditionFailedException("Article " + current.id() + " is at version " + current.version()
                    + ", not " + expectedVersion + ".");
        }
    }

    private static PreconditionFailedException changedMeanwhile(String id) {
        return new PreconditionFailedException("Article " + id + " changed while it was being written.");
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("article_not_found", "No article " + id + ".");
    }

    /**
     * What a new article is made of.
     *
     * @param status null for {@link ArticleStatus#DRAFT}
     */
    public record CreateArticle(String title, String body, String language, List<String> tags, ArticleStatus status) {}

    /** A partial change: null fields stay as they are. */
    public record UpdateArticle(String title, String body, String language, List<String> tags, ArticleStatus status) {}
}
