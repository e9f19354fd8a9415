package io.touchpoint.channel.domain.connection;

import io.touchpoint.events.Channel;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A tenant's account on one channel: which provider account messages come in on and go out through.
 *
 * @param id {@code con_…}, also the path segment of its webhook ({@code /webhooks/{kind}/{id}})
 * @param settings public configuration: phone number, page id, inbound address, provider base URL, …
 * @param secrets provider credentials and webhook secrets, decrypted; never returned by the API
 * @param version incremented on every change; the resource's ETag
 */
public record ChannelConnection(
        String id,
        String tenantId,
        Channel kind,
        String displayName,
        Map<String, String> settings,
        Map<String, String> secrets,
        ConnectionStatus status,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static final String ID_PREFIX = "con";

    public ChannelConnection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(kind, "kind");
        settings = Map.copyOf(settings != null ? settings : Map.of());
        secrets = Map.copyOf(secrets != null ? secrets : Map.of());
    }

    public Optional<String> setting(String name) {
        return Optional.ofNullable(settings.get(name)).filter(value -> !value.isBlank());
    }

    public Optional<String> secret(String name) {
        return Optional.ofNullable(secrets.get(name)).filter(value -> !value.isBlank());
    }

    public boolean isActive() {
        return status == ConnectionStatus.ACTIVE;
    }
}
