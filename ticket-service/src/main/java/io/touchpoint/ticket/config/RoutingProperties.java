package io.touchpoint.ticket.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How tickets are routed to agents, under {@code touchpoint.ticket.routing}.
 *
 * @param holdGrace how old a capacity hold must be before it may be given back for a ticket that is not the agent's:
 *     longer than an assignment takes between taking the place and writing the ticket
 * @param drainLimit how many queued tickets one pull (an agent freed a place or came online) looks at per team
 * @param inboxPollInterval how often a replica asks whether the agents streaming from it have events written elsewhere
 * @param inboxHeartbeat how long an inbox stream stays silent before a comment keeps proxies from closing it
 * @param settingsCache how long a replica routes with the routing settings it read, before it reads them again: a
 *     change made through another replica takes up to this long to apply (0: read them for every message)
 */
@Validated
@ConfigurationProperties("touchpoint.ticket.routing")
public record RoutingProperties(
        @DefaultValue("30s") @NotNull Duration holdGrace,
        @DefaultValue("50") @Min(1) @Max(1000) int drainLimit,
        @DefaultValue("1s") @NotNull Duration inboxPollInterval,
        @DefaultValue("15s") @NotNull Duration inboxHeartbeat,
        @DefaultValue("5s") @NotNull Duration settingsCache) {}
