package io.touchpoint.gateway.tenant;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads and writes tenants and API keys; every key query names the tenant it belongs to, except the hash lookup. */
public class TenantDirectory {

    private final ReactiveMongoTemplate mongo;

    public TenantDirectory(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Indexes real MongoDB needs (the stand-in uses the unique one and ignores the other). */
    public Mono<Void> createIndexes() {
        return mongo.indexOps(ApiKeyDocument.class)
                .createIndex(new Index()
                        .on("secretHash", Sort.Direction.ASC)
                        .unique()
                        .named("secretHash_unique"))
                .then(mongo.indexOps(ApiKeyDocument.class)
                        .createIndex(new Index()
                                .on("tenantId", Sort.Direction.ASC)
                                .on("_id", Sort.Direction.ASC)
                                .named("tenantId_id")))
                .then();
    }

    public Mono<TenantDocument> insert(TenantDocument tenant) {
        return mongo.insert(tenant);
    }

    public Mono<TenantDocument> tenant(String id) {
        return mongo.findById(id, TenantDocument.class);
    }

    /** Up to {@code limit} tenants with an id after {@code after} (null: from the start), by id. */
    public Flux<TenantDocument> tenants(String after, int limit) {
        Query query =
                after == null ? new Query() : Query.query(Criteria.where("_id").gt(after));
        return mongo.find(query.with(Sort.by("_id")).limit(limit), TenantDocument.class);
    }

    /** Applies {@code update} when the tenant exists and, if {@code expectedVersion} is given, still has it. */
    public Mono<TenantDocument> update(String id, Long expectedVersion, Update update, Instant now) {
        Criteria criteria = Criteria.where("_id").is(id);
        if (expectedVersion != null) {
            criteria = criteria.and("version").is(expectedVersion);
        }
        return mongo.findAndModify(
                Query.query(criteria),
                update.set("updatedAt", now).inc("version", 1),
                FindAndModifyOptions.options().returnNew(true),
                TenantDocument.class);
    }

    /** Every active tenant that allows at least one browser origin. */
    public Flux<TenantDocument> tenantsWithOrigins() {
        Query query = Query.query(Criteria.where("status").is(TenantDocument.ACTIVE));
        return mongo.find(query, TenantDocument.class)
                .filter(tenant -> !tenant.allowedOrigins().isEmpty());
    }

    public Mono<ApiKeyDocument> insert(ApiKeyDocument key) {
        return mongo.insert(key);
    }

    public Mono<ApiKeyDocument> key(String tenantId, String keyId) {
        return mongo.findOne(
                Query.query(Criteria.where("_id").is(keyId).and("tenantId").is(tenantId)), ApiKeyDocument.class);
    }

    public Flux<ApiKeyDocument> keys(String tenantId, String after, int limit) {
        Criteria criteria = Criteria.where("tenantId").is(tenantId);
        if (after != null) {
            criteria = criteria.and("_id").gt(after);
        }
        return mongo.find(Query.query(criteria).with(Sort.by("_id")).limit(limit), ApiKeyDocument.class);
    }

    public Mono<ApiKeyDocument> keyByHash(String secretHash) {
        return mongo.findOne(Query.query(Criteria.where("secretHash").is(secretHash)), ApiKeyDocument.class);
    }

    /** Makes the key stop working at {@code at}, unless it already stops earlier; returns the key as it is now. */
    public Mono<ApiKeyDocument> revoke(String tenantId, String keyId, Instant at) {
        Query notYetEarlier = Query.query(Criteria.where("_id")
                .is(keyId)
                .and("tenantId")
                .is(tenantId)
                .orOperator(
                        Criteria.where("revokedAt").is(null),
                        Criteria.where("revokedAt").gt(at)));
        return mongo.updateFirst(notYetEarlier, new Update().set("revokedAt", at), ApiKeyDocument.class)
                .then(key(tenantId, keyId));
    }

    public Mono<Void> touch(String keyId, Instant at) {
        return mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(keyId)),
                        new Update().set("lastUsedAt", at),
                        ApiKeyDocument.class)
                .then();
    }

    public Mono<Boolean> ping() {
        return mongo.executeCommand("{ping: 1}").map(reply -> {
            Object ok = reply.get("ok");
            return ok instanceof Number number && number.doubleValue() == 1.0;
        });
    }

    static List<String> copy(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
