package io.touchpoint.ticket.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Ticket reports, under {@code touchpoint.ticket.reporting}.
 *
 * @param maxTickets how many tickets' durations a report reads at most for its percentiles; a period with more
 *     reports the figures of the first ones and says it is not complete
 */
@Validated
@ConfigurationProperties("touchpoint.ticket.reporting")
public record ReportingProperties(@DefaultValue("100000") @Min(1) @Max(1_000_000) int maxTickets) {}
