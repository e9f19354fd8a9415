package io.touchpoint.channel.web;

import io.touchpoint.channel.application.connection.ConnectionManagement;
import io.touchpoint.channel.application.connection.ConnectionManagement.CreateConnection;
import io.touchpoint.channel.application.connection.ConnectionManagement.UpdateConnection;
import io.touchpoint.channel.domain.connection.ChannelConnection;
import io.touchpoint.channel.domain.connection.ConnectionStatus;
import io.touchpoint.events.Channel;
import io.touchpoint.tenancy.TenantContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/channels/connections}: a tenant's channel accounts. Secrets can be written, never read back. */
@RestController
@RequestMapping("/v1/channels/connections")
class ConnectionController {

    private final ConnectionManagement connections;

    ConnectionController(ConnectionManagement connections) {
        this.connections = connections;
    }

    @PostMapping
    ResponseEntity<ConnectionResponse> create(
            TenantContext tenant, @Valid @RequestBody CreateConnectionRequest request) {
        Scopes.require(tenant, Scopes.CHANNELS_ADMIN);
        ChannelConnection created = connections.create(
                tenant.tenantId(),
                new CreateConnection(request.kind(), request.displayName(), request.settings(), request.secrets()));
        return ResponseEntity.created(URI.create("/v1/channels/connections/" + created.id()))
                .eTag(ETags.of(created.version()))
                .body(ConnectionResponse.of(created));
    }

    @GetMapping
    PageResponse<ConnectionResponse> list(
            TenantContext tenant,
            @RequestParam(required = false) Channel kind,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) String after) {
        Scopes.require(tenant, Scopes.CHANNELS_ADMIN);
        List<ChannelConnection> fetched = connections.page(tenant.tenantId(), kind, Cursor.decode(after), limit + 1);
        return PageResponse.of(fetched, limit, ChannelConnection::id, ConnectionResponse::of);
    }

    @GetMapping("/{id}")
    ResponseEntity<ConnectionResponse> get(TenantContext tenant, @PathVariable String id) {
        Scopes.require(tenant, Scopes.CHANNELS_ADMIN);
        ChannelConnection connection = connections.get(tenant.tenantId(), id);
        return ResponseEntity.ok().eTag(ETags.of(connection.version())).body(ConnectionResponse.of(connection));
    }

    @PatchMapping("/{id}")
    ResponseEntity<ConnectionResponse> update(
            TenantContext tenant,
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody UpdateConnectionRequest request) {
        Scopes.require(tenant, Scopes.CHANNELS_ADMIN);
        ChannelConnection updated = connections.update(
                tenant.tenantId(),
                id,
                new UpdateConnection(
                        request.displayName(),
                        request.settings(),
                        request.secrets(),
                        request.status() != null
                                ? ConnectionStatus.valueOf(request.status().toUpperCase(Locale.ROOT))
                                : null),
                ETags.version(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(updated.version())).body(ConnectionResponse.of(updated));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(TenantContext tenant, @PathVariable String id) {
        Scopes.require(tenant, Scopes.CHANNELS_ADMIN);
        connections.delete(tenant.tenantId(), id);
        return ResponseEntity.noContent().build();
    }

    /**
     * A new connection.
     *
     * @param settings public configuration, by kind: {@code phoneNumber}, {@code phoneNumberId}, {@code pageId},
     *     {@code inboundAddress}, {@code apiBaseUrl}, …
     * @param secrets provider credentials and webhook secrets: {@code authToken}, {@code appSecret},
     *     {@code verifyToken}, {@code accessToken}, {@code secretToken}, {@code signingKey}, …
     */
    record CreateConnectionRequest(
            @NotNull Channel kind,
            @NotBlank @Size(max = 200) String displayName,
            @Size(max = 50) Map<@SettingName String, @NotNull @Size(max = 2000) String> settings,
            @Size(max = 50) Map<@SettingName String, @NotNull @Size(max = 4000) String> secrets) {}

    /** A partial change; a secret set to {@code ""} is removed. */
    record UpdateConnectionRequest(
            @Size(min = 1, max = 200) String displayName,
            @Size(max = 50) Map<@SettingName String, @NotNull @Size(max = 2000) String> settings,
            @Size(max = 50) Map<@SettingName String, @NotNull @Size(max = 4000) String> secrets,
            @Pattern(regexp = "active|disabled", message = "must be one of active, disabled") String status) {}

    /**
     * A connection as the API shows it: the names of its secrets, never their values.
     *
     * @param webhookPath where the provider sends this connection's webhooks, through the gateway
     */
    record ConnectionResponse(
            String id,
            Channel kind,
            String displayName,
            Map<String, String> settings,
            Set<String> secretNames,
            String status,
            String webhookPath,
            long version,
            Instant createdAt,
            Instant updatedAt) {

        static ConnectionResponse of(ChannelConnection connection) {
            return new ConnectionResponse(
                    connection.id(),
                    connection.kind(),
                    connection.displayName(),
                    connection.settings(),
                    new TreeSet<>(connection.secrets().keySet()),
                    connection.status().name().toLowerCase(Locale.ROOT),
                    WebhookPaths.of(connection),
                    connection.version(),
                    connection.createdAt(),
                    connection.updatedAt());
        }
    }
}
