package io.touchpoint.gateway.ratelimit;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The largest request body the gateway accepts, and larger limits for some paths (uploads, provider webhooks).
 *
 * @param maxRequestBody the limit for every path not listed in {@code maxRequestBodyByPath}
 * @param maxRequestBodyByPath path pattern (as in route predicates, e.g. {@code /webhooks/**}) to its limit; the
 *     first matching pattern wins
 */
@ConfigurationProperties("touchpoint.gateway")
public record RequestBodyLimitProperties(
        @DefaultValue("1MB") DataSize maxRequestBody, @DefaultValue Map<String, DataSize> maxRequestBodyByPath) {}
