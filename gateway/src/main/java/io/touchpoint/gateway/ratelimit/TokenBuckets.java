package io.touchpoint.gateway.ratelimit;

import reactor.core.publisher.Mono;

/** A store of token buckets by id; taking tokens is atomic per bucket, also across gateway replicas if shared. */
public interface TokenBuckets {

    /** Takes {@link Limit#requestedTokens()} from the bucket {@code id} if it holds that many. Never errors. */
    Mono<Decision> tryConsume(String id, Limit limit);

    /** {@code memory} or {@code redis}, as in metrics. */
    String backend();
}
