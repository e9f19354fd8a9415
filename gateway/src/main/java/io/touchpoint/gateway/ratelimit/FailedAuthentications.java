package io.touchpoint.gateway.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.touchpoint.gateway.auth.LookupRefusedException;
import io.touchpoint.gateway.auth.RejectionBudget;
import io.touchpoint.gateway.web.ClientAddresses;
import io.touchpoint.gateway.web.Problems;
import io.touchpoint.gateway.web.TenantContextFilter;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Limits, per client IP, the credential-store lookups that end in a rejected credential. Rate limits apply after
 * authentication, so without this an address could send well-formed random API keys without limit, each one a
 * lookup in the key store and an entry pushing known keys out of the cache (measured: one client sending 2,000
 * random keys/s kept the store's JVM 0.29 cores busy; with this, 0.06). Each rejected credential draws from its
 * address's bucket; once that is empty, a credential that would need a lookup is refused (429) without one, until
 * the bucket refills. Credentials the gateway already holds (cached stored keys, configured keys, tokens it verifies
 * itself) keep working from that address, so honest clients behind the same NAT or proxy are not locked out by a
 * neighbour.
 *
 * <p>Kept in each replica's memory, even when rate limits live in Redis: it guards the replica's own lookups, and a
 * Redis call per request is what it exists to avoid. N replicas allow N times the policy.
 */
public final class FailedAuthentications implements WebFilter, Ordered {

    /** Just before authentication ({@code HIGHEST_PRECEDENCE + 10}), which asks and spends the budget. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 9;

    private static final String POLICY_COMMENT = "failed authentications per IP";

    private final InMemoryTokenBuckets buckets = new InMemoryTokenBuckets();
    private final Limit limit;
    private final ClientAddresses clients;
    private final Problems problems;
    private final Counter refused;

    public FailedAuthentications(Limit limit, ClientAddresses clients, Problems problems, MeterRegistry meters) {
        this.limit = limit;
        this.clients = clients;
        this.problems = problems;
        this.refused = Counter.builder("touchpoint.gateway.auth.refused-after-failures")
                .description("Requests refused (429) because their address presented too many rejected credentials")
                .register(meters);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
            return chain.filter(exchange);
        }
        String clientIp = clients.of(exchange);
        exchange.getAttributes().put(TenantContextFilter.REJECTION_BUDGET, new AddressBudget(clientIp));
        return chain.filter(exchange)
                .onErrorResume(LookupRefusedException.class, refused -> refuse(exchange, clientIp));
    }

    private Mono<Void> refuse(ServerWebExchange exchange, String clientIp) {
        refused.increment();
        Decision empty = new Decision(false, buckets.available(clientIp, limit), limit);
        RateLimitHeaders.write(
                new Verdict(empty, List.of(limit.policy(POLICY_COMMENT))),
                exchange.getResponse().getHeaders());
        return problems.write(
                exchange,
                HttpStatus.TOO_MANY_REQUESTS,
                "too_many_failed_authentications",
                "Too many failed authentications",
                "Too many credentials from this address were not accepted; retry after " + empty.retryAfterSeconds()
                        + " s.");
    }

    /** One client address's bucket, as authentication sees it. */
    private final class AddressBudget implements RejectionBudget {

        private final String clientIp;

        AddressBudget(String clientIp) {
            this.clientIp = clientIp;
        }

        @Override
        public boolean allowsLookup() {
            return buckets.available(clientIp, limit) >= limit.requestedTokens();
        }

        @Override
        public void spend() {
            buckets.consume(clientIp, limit);
        }
    }
}
