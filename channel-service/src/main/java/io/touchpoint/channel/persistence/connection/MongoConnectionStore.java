package io.touchpoint.channel.persistence.connection;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.touchpoint.channel.application.connection.ConnectionStore;
import io.touchpoint.channel.config.SecretsProperties;
import io.touchpoint.channel.domain.connection.ChannelConnection;
import io.touchpoint.channel.domain.email.EmailSettings;
import io.touchpoint.events.Channel;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Connections in MongoDB, secrets encrypted. Lookups across tenants (webhooks, widgets, inbound mail) are cached for a
 * few seconds: a busy SMS number would otherwise cost a database read and an AES decryption per message, and a change
 * or deletion still reaches every replica within {@link #WEBHOOK_CACHE_TTL}.
 */
@Repository
class MongoConnectionStore implements ConnectionStore {

    static final Duration WEBHOOK_CACHE_TTL = Duration.ofSeconds(2);

    private final MongoTemplate mongo;

    private final SecretCipher cipher;

    private final EmailAddressIndex emailAddresses;

    private final Cache<String, Optional<ChannelConnection>> webhookCache = Caffeine.newBuilder()
            .expireAfterWrite(WEBHOOK_CACHE_TTL)
            .maximumSize(10_000)
            .build();

    MongoConnectionStore(MongoTemplate mongo, SecretsProperties secrets, Clock clock) {
        this.mongo = mongo;
        this.cipher = new SecretCipher(secrets.key());
        this.emailAddresses = new EmailAddressIndex(mongo, clock);
    }

    @Override
    public void insert(ChannelConnection connection) {
        Optional<String> address = EmailSettings.inboundAddress(connection);
        address.ifPresent(claimed -> emailAddresses.claim(claimed, connection));
        try {
            mongo.insert(toDocument(connection));
        } catch (RuntimeException e) {
            address.ifPresent(claimed -> emailAddresses.release(claimed, connection.id()));
            throw e;
        }
    }

    @Override
    public Optional<ChannelConnection> find(String tenantId, String id) {
        return Optional.ofNullable(mongo.findOne(byTenantAndId(tenantId, id), ConnectionDocument.class))
                .map(this::toConnection);
    }

    @Override
    public Optional<ChannelConnection> findAcrossTenants(String id) {
        return webhookCache.get(id, key -> Optional.ofNullable(mongo.findById(key, ConnectionDocument.class))
                .map(this::toConnection));
    }

    @Override
    public Optional<ChannelConnection> findByInboundAddress(String address) {
        String normalized = EmailSettings.normalize(address);
        return emailAddresses
                .connectionId(normalized)
                .flatMap(this::findAcrossTenants)
                .filter(connection -> EmailSettings.inboundAddress(connection)
                        .filter(normalized::equals)
                        .isPresent());
    }

    @Override
    public List<ChannelConnection> page(String tenantId, Channel kind, String after, int limit) {
        Criteria criteria = where("tenantId").is(tenantId);
        if (kind != null) {
            criteria.and("kind").is(kind);
        }
        if (after != null) {
            criteria.and("_id").gt(after);
        }
        Query query = query(criteria).with(Sort.by("_id")).limit(limit);
        return mongo.find(query, ConnectionDocument.class).stream()
                .map(this::toConnection)
                .toList();
    }

    @Override
    public boolean replace(ChannelConnection connection, long expectedVersion) {
        Query current = byTenantAndId(connection.tenantId(), connection.id())
                .addCriteria(where("version").is(expectedVersion));
        Optional<String> address = EmailSettings.inboundAddress(connection);
        boolean claimed =
                address.map(wanted -> emailAddresses.claim(wanted, connection)).orElse(false);
        ConnectionDocument before = mongo.findAndReplace(current, toDocument(connection));
        webhookCache.invalidate(connection.id());
        if (before == null) {
            if (claimed) {
                emailAddresses.release(address.get(), connection.id());
            }
            return false;
        }
        EmailAddressIndex.inboundAddress(before)
                .filter(previous -> !address.equals(Optional.of(previous)))
                .ifPresent(previous -> emailAddresses.release(previous, connection.id()));
        return true;
    }

    @Override
    public boolean delete(String tenantId, String id) {
        ConnectionDocument deleted = mongo.findAndRemove(byTenantAndId(tenantId, id), ConnectionDocument.class);
        webhookCache.invalidate(id);
        if (deleted == null) {
            return false;
        }
        EmailAddressIndex.inboundAddress(deleted).ifPresent(address -> emailAddresses.release(address, id));
        return true;
    }

    private static Query byTenantAndId(String tenantId, String id) {
        return query(where("_id").is(id).and("tenantId").is(tenantId));
    }

    private ConnectionDocument toDocument(ChannelConnection connection) {
        return new ConnectionDocument(
                connection.id(),
                connection.tenantId(),
                connection.kind(),
                connection.displayName(),
                connection.settings(),
                transform(connection.secrets(), (value, owner) -> cipher.encrypt(value, owner), connection.id()),
                connection.status(),
                connection.version(),
                connection.createdAt(),
                connection.updatedAt());
    }

    private ChannelConnection toConnection(ConnectionDocument document) {
        return new ChannelConnection(
                document.id(),
                document.tenantId(),
                document.kind(),
                document.displayName(),
                document.settings(),
                transform(document.secrets(), (value, owner) -> cipher.decrypt(value, owner), document.id()),
                document.status(),
                document.version(),
                document.createdAt(),
                document.updatedAt());
    }

    private static Map<String, String> transform(
            Map<String, String> secrets, BiFunction<String, String, String> function, String owner) {
        Map<String, String> result = new LinkedHashMap<>();
        if (secrets != null) {
            secrets.forEach((name, value) -> result.put(name, function.apply(value, owner + "|" + name)));
        }
        return result;
    }
}
