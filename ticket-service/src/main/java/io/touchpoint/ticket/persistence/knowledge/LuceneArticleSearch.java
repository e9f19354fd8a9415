package io.touchpoint.ticket.persistence.knowledge;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.touchpoint.ticket.application.knowledge.ArticleSearch;
import io.touchpoint.ticket.config.KnowledgeProperties;
import io.touchpoint.ticket.domain.knowledge.ArticleMatch;
import io.touchpoint.ticket.domain.knowledge.KnowledgeArticle;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Searches each tenant's published articles in an in-memory Lucene index of its own, built from MongoDB on first use.
 *
 * <p>Every search first reads the tenant's revision counter (a lookup by {@code _id}); an index older than it, written
 * to by this replica or any other, is rebuilt before the search. Rebuilding a whole tenant's index is simple and cheap
 * at knowledge-base sizes (articles change rarely and number in the hundreds or thousands), and leaves no replica
 * with a different idea of what is published than MongoDB has. Only one thread rebuilds a tenant's index at a time.
 */
@Component
class LuceneArticleSearch implements ArticleSearch {

    private static final Logger log = LoggerFactory.getLogger(LuceneArticleSearch.class);

    private final MongoArticleStore articles;

    private final KnowledgeRevisions revisions;

    private final KnowledgeProperties properties;

    private final Clock clock;

    private final Cache<String, Snapshot> indexes;

    private final ReentrantLock[] rebuilding = new ReentrantLock[64];

    LuceneArticleSearch(
            MongoArticleStore articles,
            KnowledgeRevisions revisions,
            KnowledgeProperties properties,
            ObjectProvider<Clock> clock) {
        this.articles = articles;
        this.revisions = revisions;
        this.properties = properties;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.indexes = Caffeine.newBuilder()
                .maximumSize(properties.index().maxTenants())
                .build();
        for (int i = 0; i < rebuilding.length; i++) {
            rebuilding[i] = new ReentrantLock();
        }
    }

    @Override
    public List<ArticleMatch> search(String tenantId, String text, String language, int limit) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return index(tenantId).search(text, language, limit);
    }

    /** The tenant's index, rebuilt first if a write happened since it was built, or it is older than allowed. */
    LuceneArticleIndex index(String tenantId) {
        long revision = revisions.current(tenantId);
        Snapshot snapshot = indexes.getIfPresent(tenantId);
        if (isCurrent(snapshot, revision)) {
            return snapshot.index();
        }
        ReentrantLock lock = rebuilding[Math.floorMod(tenantId.hashCode(), rebuilding.length)];
        lock.lock();
        try {
            snapshot = indexes.getIfPresent(tenantId);
            if (isCurrent(snapshot, revision)) {
                return snapshot.index();
            }
            return rebuild(tenantId).index();
        } finally {
            lock.unlock();
        }
    }

    private Snapshot rebuild(String tenantId) {
        long started = System.nanoTime();
        // Read the revision before the articles: the index then holds at least what that revision stands for.
        long revision = revisions.current(tenantId);
        List<KnowledgeArticle> published = articles.published(tenantId);
        var snapshot = new Snapshot(
                LuceneArticleIndex.build(revision, published, properties.titleBoost(), properties.tagBoost()),
                clock.instant());
        indexes.put(tenantId, snapshot);
        log.info(
                "Knowledge index of tenant {} built at revision {}: {} articles in {} ms",
                tenantId,
                revision,
                published.size(),
                (System.nanoTime() - started) / 1_000_000);
        return snapshot;
    }

    private boolean isCurrent(Snapshot snapshot, long revision) {
        return snapshot != null
                && snapshot.index().revision() >= revision
                && snapshot.builtAt().plus(properties.index().maxAge()).isAfter(clock.instant());
    }

    private record Snapshot(LuceneArticleIndex index, Instant builtAt) {}
}
