package io.touchpoint.channel.persistence.connection;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.touchpoint.channel.application.connection.InboundAddressTakenException;
import io.touchpoint.channel.domain.connection.ChannelConnection;
import io.touchpoint.channel.domain.email.EmailSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Which email connection receives the mail for an address ({@link EmailAddressDocument}). A connection and its claim
 * are two documents written one after the other, as the stand-in has no transactions: the claim is written first and
 * released when the connection write fails, and a claim left behind by a crash in between, whose connection does not
 * have the address, is taken over by the next connection that asks for it.
 */
class EmailAddressIndex {

    /** How long a claim whose connection does not (yet) have the address is protected: a write in flight. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);

    private static final int ATTEMPTS = 3;

    private final MongoTemplate mongo;

    private final Clock clock;

    EmailAddressIndex(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    Optional<String> connectionId(String address) {
        return Optional.ofNullable(mongo.findById(address, EmailAddressDocument.class))
                .map(EmailAddressDocument::connectionId);
    }

    /**
     * Makes {@code address} route to {@code connection}.
     *
     * @return whether this call made the claim (false: the connection held it already)
     * @throws InboundAddressTakenException when another connection holds it
     */
    boolean claim(String address, ChannelConnection connection) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                mongo.insert(
                        new EmailAddressDocument(address, connection.id(), connection.tenantId(), clock.instant()));
                return true;
            } catch (DuplicateKeyException held) {
                EmailAddressDocument existing = mongo.findById(address, EmailAddressDocument.class);
                if (existing == null) {
                    continue; // released meanwhile
                }
                if (existing.connectionId().equals(connection.id())) {
                    return false;
                }
                if (!abandoned(existing)) {
                    throw new InboundAddressTakenException(address);
                }
                Update takeOver = Update.update("connectionId", connection.id())
                        .set("tenantId", connection.tenantId())
                        .set("claimedAt", clock.instant());
                if (mongo.updateFirst(
                                        query(where("_id")
                                                .is(address)
                                                .and("connectionId")
                                                .is(existing.connectionId())),
                                        takeOver,
                                        EmailAddressDocument.class)
                                .getModifiedCount()
                        == 1) {
                    return true;
                }
            }
        }
        throw new InboundAddressTakenException(address);
    }

    /** Removes the claim of {@code connectionId} on {@code address}, if it still holds it. */
    void release(String address, String connectionId) {
        mongo.remove(query(where("_id").is(address).and("connectionId").is(connectionId)), EmailAddressDocument.class);
    }

    /** The normalised inbound address of a stored email connection, if it has one. */
    static Optional<String> inboundAddress(ConnectionDocument document) {
        return EmailSettings.inboundAddress(document.kind(), document.settings());
    }

    private boolean abandoned(EmailAddressDocument claim) {
        ConnectionDocument owner = mongo.findById(claim.connectionId(), ConnectionDocument.class);
        if (owner != null
                && inboundAddress(owner).filter(claim.address()::equals).isPresent()) {
            return false;
        }
        return claim.claimedAt() == null
                || claim.claimedAt().isBefore(clock.instant().minus(ABANDONED_AFTER));
    }
}
