package io.touchpoint.channel.application.connection;

import io.touchpoint.channel.domain.connection.ChannelConnection;
import io.touchpoint.events.Channel;
import java.util.List;
import java.util.Optional;

/** Where channel connections are kept; secrets are encrypted at rest by the implementation. */
public interface ConnectionStore {

    void insert(ChannelConnection connection);

    Optional<ChannelConnection> find(String tenantId, String id);

    /**
     * The connection {@code id}, whatever its tenant, for callers without tenant context: provider webhooks, chat
     * widgets and inbound mail name a connection, and its secret or state decides whether they are trusted. May answer
     * from a cache a few seconds old.
     */
    Optional<ChannelConnection> findAcrossTenants(String id);

    /**
     * The email connection whose inbound address is {@code address} (compared as
     * {@link io.touchpoint.channel.domain.email.EmailSettings#normalize} normalises it), whatever its tenant: an inbound
     * mail names only its recipient. Inserting, replacing or deleting an email connection claims and releases its inbound address, so
     * one address routes to one connection; claiming one that another connection holds throws
     * {@link InboundAddressTakenException}.
     */
    Optional<ChannelConnection> findByInboundAddress(String address);

    /** Connections of {@code tenantId} in id order after {@code after} (exclusive, may be null), at most {@code limit}. */
    List<ChannelConnection> page(String tenantId, Channel kind, String after, int limit);

    /**
     * Replaces the connection if its stored version is {@code expectedVersion}.
     *
     * @return false if it changed meanwhile or does not exist
     */
    boolean replace(ChannelConnection connection, long expectedVersion);

    boolean delete(String tenantId, String id);
}
