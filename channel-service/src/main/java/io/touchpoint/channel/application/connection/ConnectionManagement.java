package io.touchpoint.channel.application.connection;

import io.touchpoint.channel.domain.Ids;
import io.touchpoint.channel.domain.connection.ChannelConnection;
import io.touchpoint.channel.domain.connection.ConnectionStatus;
import io.touchpoint.events.Channel;
import io.touchpoint.starter.problem.NotFoundException;
import io.touchpoint.starter.problem.PreconditionFailedException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Creating, reading, changing and removing a tenant's channel connections. */
@Service
public class ConnectionManagement {

    private final ConnectionStore store;

    private final Clock clock;

    public ConnectionManagement(ConnectionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public ChannelConnection create(String tenantId, CreateConnection command) {
        var now = clock.instant();
        var connection = new ChannelConnection(
                Ids.next(ChannelConnection.ID_PREFIX),
                tenantId,
                command.kind(),
                command.displayName(),
                command.settings(),
                command.secrets(),
                ConnectionStatus.ACTIVE,
                1,
                now,
                now);
        store.insert(connection);
        return connection;
    }

    public ChannelConnection get(String tenantId, String id) {
        return store.find(tenantId, id).orElseThrow(() -> notFound(id));
    }

    public List<ChannelConnection> page(String tenantId, Channel kind, String after, int limit) {
        return store.page(tenantId, kind, after, limit);
    }

    /**
     * Applies the fields of {@code command} that are set. Secrets are merged: a named secret is replaced, an empty
     * value removes it, the others stay.
     *
     * @param expectedVersion the version the caller read ({@code If-Match}), or null to update whatever is stored
     */
    public ChannelConnection update(String tenantId, String id, UpdateConnection command, Long expectedVersion) {
        ChannelConnection current = get(tenantId, id);
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new PreconditionFailedException(
                    "Connection " + id + " is at version " + current.version() + ", not " + expectedVersion + ".");
        }
        Map<String, String> secrets = new HashMap<>(current.secrets());
        if (command.secrets() != null) {
            command.secrets().forEach((name, value) -> {
                if (value == null || value.isEmpty()) {
                    secrets.remove(name);
                } else {
                    secrets.put(name, value);
                }
            });
        }
        var updated = new ChannelConnection(
                current.id(),
                tenantId,
                current.kind(),
                command.displayName() != null ? command.displayName() : current.displayName(),
                command.settings() != null ? command.settings() : current.settings(),
                secrets,
                command.status() != null ? command.status() : current.status(),
                current.version() + 1,
                current.createdAt(),
                clock.instant());
        if (!store.replace(updated, current.version())) {
            throw new PreconditionFailedException("Connection " + id + " changed while it was being updated.");
        }
        return updated;
    }

    public void delete(String tenantId, String id) {
        if (!store.delete(tenantId, id)) {
            throw notFound(id);
        }
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("connection_not_found", "No connection " + id + ".");
    }

    /** What a new connection is made of; {@code secrets} are write-only. */
    public record CreateConnection(
            Channel kind, String displayName, Map<String, String> settings, Map<String, String> secrets) {}

    /** A partial change: null fields stay as they are. */
    public record UpdateConnection(
            String displayName, Map<String, String> settings, Map<String, String> secrets, ConnectionStatus status) {}
}
