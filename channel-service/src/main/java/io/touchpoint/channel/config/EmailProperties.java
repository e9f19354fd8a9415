package io.touchpoint.channel.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The email channel: the SMTP listener inbound mail arrives at, and the relay replies leave through when a connection
 * names none of its own.
 *
 * @param listener the inbound SMTP listener
 * @param smtp the default outbound relay
 * @param messageIdDomain the right-hand side of the {@code Message-ID}s of outbound mail; when blank, the domain of
 *     the connection's inbound address, which is what most mail systems use
 */
@Validated
@ConfigurationProperties("touchpoint.channel.email")
public record EmailProperties(
        @DefaultValue @Valid Listener listener, @DefaultValue @Valid Smtp smtp, String messageIdDomain) {

    /**
     * The SMTP listener (RFC 5321) the tenants' MX or forwarding relay hands inbound mail to.
     *
     * @param enabled whether this replica listens; every replica may, the MX balances between them
     * @param port 2525 by default (an unprivileged port; put 25 in front of it); 0 picks a free port
     * @param bindAddress the interface to listen on; all when blank
     * @param hostName the name the listener greets with; this host's name when blank
     * @param maxMessageSize larger mail is refused (552) without being stored; also advertised as {@code SIZE}
     * @param maxConnections concurrent SMTP sessions; more are told to come back later (421)
     * @param connectionTimeout an idle session is closed after it
     * @param trustedAuthservIds the {@code authserv-id}s of the mail servers in front of the listener whose
     *     {@code Authentication-Results} headers count (RFC 8601 §5); when empty, the topmost such header counts, which
     *     is only right when the MX in front removes any the sender wrote
     */
    public record Listener(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("2525") @Min(0) @Max(65535) int port,
            String bindAddress,
            String hostName,
            @DefaultValue("25MB") @NotNull DataSize maxMessageSize,
            @DefaultValue("200") @Min(1) int maxConnections,
            @DefaultValue("60s") @NotNull Duration connectionTimeout,
            @DefaultValue List<String> trustedAuthservIds) {}

    /**
     * The relay replies are sent through when a connection has no {@code smtpHost} of its own.
     *
     * @param startTls require STARTTLS before authenticating and sending
     * @param timeout connecting, and waiting for each answer of the relay
     */
    public record Smtp(
            @DefaultValue("localhost") String host,
            @DefaultValue("25") @Min(1) @Max(65535) int port,
            String username,
            String password,
            @DefaultValue("false") boolean startTls,
            @DefaultValue("30s") @NotNull Duration timeout) {}
}
