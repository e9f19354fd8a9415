package io.touchpoint.ticket.persistence.knowledge;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.touchpoint.ticket.application.knowledge.ArticleStore;
import io.touchpoint.ticket.domain.knowledge.ArticleStatus;
import io.touchpoint.ticket.domain.knowledge.KnowledgeArticle;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Articles in MongoDB. A write that changes what is published advances the tenant's revision afterwards, which is how
 * every replica's search index learns that it is stale.
 */
@Repository
class MongoArticleStore implements ArticleStore {

    private final MongoTemplate mongo;

    private final KnowledgeRevisions revisions;

    MongoArticleStore(MongoTemplate mongo, KnowledgeRevisions revisions) {
        this.mongo = mongo;
        this.revisions = revisions;
    }

    @Override
    public void insert(KnowledgeArticle article) {
        mongo.insert(toDocument(article));
        if (article.isPublished()) {
            revisions.advance(article.tenantId());
        }
    }

    @Override
    public Optional<KnowledgeArticle> find(String tenantId, String id) {
        return Optional.ofNullable(mongo.findOne(byTenantAndId(tenantId, id), ArticleDocument.class))
                .map(MongoArticleStore::toArticle);
    }

    @Override
    public List<KnowledgeArticle> page(String tenantId, ArticleFilter filter, String after, int limit) {
        Criteria criteria = where("tenantId").is(tenantId);
        if (filter.status() != null) {
            criteria.and("status").is(filter.status());
        }
        if (filter.language() != null) {
            criteria.and("primaryLanguage").is(filter.language());
        }
        if (filter.tag() != null) {
            criteria.and("tags").is(filter.tag());
        }
        if (after != null) {
            criteria.and("_id").gt(after);
        }
        return mongo.find(query(criteria).with(Sort.by("_id")).limit(limit), ArticleDocument.class).stream()
                .map(MongoArticleStore::toArticle)
                .toList();
    }

    /** Every published article of the tenant, which is what its search index holds. */
    List<KnowledgeArticle> published(String tenantId) {
        Query published = query(where("tenantId").is(tenantId).and("status").is(ArticleStatus.PUBLISHED))
                .with(Sort.by("_id"));
        return mongo.find(published, ArticleDocument.class).stream()
                .map(MongoArticleStore::toArticle)
                .toList();
    }

    @Override
    public boolean replace(KnowledgeArticle article, long expectedVersion) {
        Query current = byTenantAndId(article.tenantId(), article.id())
                .addCriteria(where("version").is(expectedVersion));
        ArticleDocument previous = mongo.findAndReplace(current, toDocument(article));
        if (previous == null) {
            return false;
        }
        if (previous.status() == ArticleStatus.PUBLISHED || article.isPublished()) {
            revisions.advance(article.tenantId());
        }
        return true;
    }

    @Override
    public boolean delete(String tenantId, String id, long expectedVersion) {
        Query current = byTenantAndId(tenantId, id).addCriteria(where("version").is(expectedVersion));
        ArticleDocument deleted = mongo.findAndRemove(current, ArticleDocument.class);
        if (deleted == null) {
            return false;
        }
        if (deleted.status() == ArticleStatus.PUBLISHED) {
            revisions.advance(tenantId);
        }
        return true;
    }

    private static Query byTenantAndId(String tenantId, String id) {
        return query(where("_id").is(id).and("tenantId").is(tenantId));
    }

    private static ArticleDocument toDocument(KnowledgeArticle article) {
        return new ArticleDocument(
                article.id(),
                article.tenantId(),
                article.title(),
                article.body(),
                article.language(),
                article.primaryLanguage(),
                article.tags(),
                article.status(),
                article.version(),
                article.createdAt(),
                article.updatedAt());
    }

    private static KnowledgeArticle toArticle(ArticleDocument document) {
        return new KnowledgeArticle(
                document.id(),
                document.tenantId(),
                document.title(),
                document.body(),
                document.language(),
                document.tags(),
                document.status(),
                document.version(),
                document.createdAt(),
                document.updatedAt());
    }
}
