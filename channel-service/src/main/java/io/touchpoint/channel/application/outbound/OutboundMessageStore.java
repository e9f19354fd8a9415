package io.touchpoint.channel.application.outbound;

import io.touchpoint.channel.domain.outbound.OutboundDelivery;
import io.touchpoint.events.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where outbound messages are kept, with their delivery state and the events their changes cause, and the queue the
 * delivery worker claims them from. Claims are leases taken with an atomic find-and-modify, so any number of
 * replicas can work the same queue without sending a message twice while its lease holds.
 */
public interface OutboundMessageStore {

    /**
     * Stores a new message and queues it, unless a message with its id exists already (a redelivered request).
     *
     * @return whether it was stored now
     */
    boolean insertIfAbsent(OutboundDelivery delivery);

    Optional<OutboundDelivery> find(String tenantId, String id);

    /** The message {@code connectionId}'s provider knows as {@code providerMessageId}, whatever its tenant. */
    Optional<OutboundDelivery> findByProviderMessageId(String connectionId, String providerMessageId);

    /** Claims the queued message {@code id} if it is due and no one else holds it. */
    Optional<Claim> claim(String id, Instant now, Duration lease);

    /** Claims up to {@code limit} due messages of {@code channel} that no one holds, the longest due first. */
    List<Claim> claimDue(Channel channel, Instant now, Duration lease, int limit);

    /**
     * Writes {@code change} of a claimed message with its events, then requeues it for its next attempt or removes it
     * from the queue when it is no longer pending.
     *
     * @return false when the lease was lost or the message changed meanwhile: nothing was written
     */
    boolean complete(Claim claim, OutboundDelivery.Change change);

    /** Gives a claim back without changing the message, due again at {@code dueAt}. */
    void release(Claim claim, Instant dueAt);

    /**
     * Writes {@code change} of a message no one holds (a provider receipt) with its events.
     *
     * @return false when the message changed since {@code change} was computed: read it again and retry
     */
    boolean update(OutboundDelivery.Change change, long expectedVersion);

    /** A message this worker holds until {@code leaseToken}'s lease runs out. */
    record Claim(OutboundDelivery delivery, String leaseToken) {}
}
