package io.touchpoint.ticket.application.routing;

import io.touchpoint.ticket.domain.routing.Team;
import java.util.List;
import java.util.Optional;

/** Where a tenant's teams are kept, with each team's round-robin cursor. */
public interface TeamStore {

    void insert(Team team);

    Optional<Team> find(String tenantId, String id);

    /** Teams in id (creation) order after {@code after}, at most {@code limit}. */
    List<Team> page(String tenantId, String after, int limit);

    /** Replaces the team if it is still at {@code expectedVersion}. */
    boolean replace(Team team, long expectedVersion);

    boolean delete(String tenantId, String id);

    /**
     * Advances the team's round-robin cursor by one in a single atomic write, and returns the position taken: two
     * assignments never get the same one, whichever replica makes them.
     */
    long advanceCursor(String tenantId, String teamId);
}
