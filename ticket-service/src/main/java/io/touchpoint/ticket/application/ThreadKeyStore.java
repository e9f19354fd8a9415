package io.touchpoint.ticket.application;

import io.touchpoint.ticket.domain.ThreadKey;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Which ticket each {@link ThreadKey} of a tenant leads to. Every key is one document with a unique id, so that
 * claiming a key is a single atomic write however many replicas try at once.
 */
public interface ThreadKeyStore {

    /** The tickets the keys lead to; keys that lead nowhere are absent. */
    Map<ThreadKey, String> find(String tenantId, Collection<ThreadKey> keys);

    /**
     * Points {@code key} at {@code ticketId} if it still leads to {@code expected} (or nowhere, when that is null),
     * and if that claim wins, {@code companions} too, as {@link #register} would; a claim of a key that led nowhere
     * does both in one write.
     *
     * @return the ticket the key leads to afterwards: {@code ticketId} if this claim won, else the winner's
     */
    String claim(String tenantId, ThreadKey key, String expected, String ticketId, List<ThreadKey> companions);

    /** Points each of {@code keys} at {@code ticketId} unless it leads somewhere already, in one write. */
    void register(String tenantId, Collection<ThreadKey> keys, String ticketId);
}
