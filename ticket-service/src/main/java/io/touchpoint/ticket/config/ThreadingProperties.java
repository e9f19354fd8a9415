package io.touchpoint.ticket.config;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How inbound messages are threaded into tickets, under {@code touchpoint.ticket.threading}.
 *
 * @param reopenWindow how long after its resolution a customer's message still reopens a ticket; later messages open
 *     a new one
 */
@Validated
@ConfigurationProperties("touchpoint.ticket.threading")
public record ThreadingProperties(@DefaultValue("7d") @NotNull Duration reopenWindow) {}
