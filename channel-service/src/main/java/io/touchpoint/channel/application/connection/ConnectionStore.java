package io.touchpoint.channel.application;

import io.touchpoint.channel.domain.ChannelConnection;
import io.touchpoint.events.Channel;
import java.util.List;
import java.util.Optional;

/** Where channel connections are kept; secrets are encrypted at rest by the implementation. */
public interface ConnectionStore {

    void insert(ChannelConnection connection);

    Optional<ChannelConnection> find(String tenantId, String id);

    /**
     * The connection a provider webhook names, whatever its tenant: webhooks carry no tenant context, the connection
     * id in their path says which tenant's secret verifies them.
     */
    Optional<ChannelConnection> findForWebhook(String id);

    /**
     * The email connection that receives mail for {@code address} (normalised, see
     * {@link io.touchpoint.channel.domain.EmailSettings#normalize}), whatever its tenant: an inbound mail names only
     * its recipient. Inserting, replacing or deleting an email connection claims and releases its inbound address, so
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
