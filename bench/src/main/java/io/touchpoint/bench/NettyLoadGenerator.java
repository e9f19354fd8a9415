package io.touchpoint.bench;

import io.netty.handler.codec.http.HttpMethod;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * {@link RequestLoad} on a lean client: Reactor Netty on a fixed number of event-loop threads (one by
 * default) with keep-alive connections. The JDK client costs more CPU per request than the gateway does, on a
 * selector thread plus one platform thread per concurrent caller; on a machine whose cores the load generator shares
 * with what it measures, that cost comes out of the servers' share, and its many runnable threads get more of the
 * scheduler's time than the servers' few event loops. Bodiless requests only (GET, HEAD, DELETE).
 */
final class NettyLoadGenerator implements RequestLoad, AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final LoopResources loops;
    private final ConnectionProvider connections;
    private final HttpClient client;

    /**
     * @param threads event-loop threads, so the load generator uses at most this many cores
     * @param maxConnections connections per target; the open loop opens as many as its requests in flight need
     */
    NettyLoadGenerator(int threads, int maxConnections) {
        this.loops = LoopResources.create("bench", threads, true);
        this.connections = ConnectionProvider.builder("bench")
                .maxConnections(maxConnections)
                .pendingAcquireMaxCount(-1)
                .pendingAcquireTimeout(TIMEOUT)
                .build();
        this.client = HttpClient.create(connections).runOn(loops).responseTimeout(TIMEOUT);
    }

    @Override
    public LatencyStats closedLoop(
            Supplier<HttpRequest> request, IntPredicate expected, int requests, int concurrency) {
        long[] latencies = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        Mono<Void> caller = Mono.defer(() -> {
                    int index = next.getAndIncrement();
                    if (index >= requests) {
                        return Mono.empty();
                    }
                    long start = System.nanoTime();
                    return send(request.get()).doOnNext(status -> {
                        latencies[index] = System.nanoTime() - start;
                        if (!expected.test(status)) {
                            errors.incrementAndGet();
                        }
                    });
                })
                .repeat(() -> next.get() < requests)
                .then();
        long started = System.nanoTime();
        Flux.range(0, concurrency).flatMap(i -> caller, concurrency).blockLast();
        return LatencyStats.of(latencies, errors.get(), Duration.ofNanos(System.nanoTime() - started));
    }

    @Override
    public LatencyStats openLoop(
            Supplier<HttpRequest> request, IntPredicate expected, double perSecond, Duration duration)
            throws InterruptedException {
        int requests = (int) Math.max(1, Math.round(perSecond * duration.toNanos() / 1e9));
        long interval = (long) (1e9 / perSecond);
        long[] latencies = new long[requests];
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch answered = new CountDownLatch(requests);
        long started = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            long due = started + i * interval;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            send(request.get()).subscribe(status -> {
                latencies[index] = System.nanoTime() - due;
                if (!expected.test(status)) {
                    errors.incrementAndGet();
                }
                answered.countDown();
            });
        }
        if (!answered.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(answered.getCount() + " requests still unanswered after 30 s");
        }
        return LatencyStats.of(latencies, errors.get(), Duration.ofNanos(System.nanoTime() - started));
    }

    /** The response's status once its body was read (and dropped); -1 when the request failed or timed out. */
    private Mono<Integer> send(HttpRequest request) {
        if (request.bodyPublisher().map(body -> body.contentLength() != 0).orElse(false)) {
            throw new IllegalArgumentException("requests with a body are not supported: " + request);
        }
        return client.headers(headers -> request.headers().map().forEach(headers::add))
                .request(HttpMethod.valueOf(request.method()))
                .uri(request.uri())
                .response((response, body) ->
                        body.then(Mono.just(response.status().code())))
                .single()
                .onErrorReturn(-1);
    }

    @Override
    public void close() {
        connections.dispose();
        loops.dispose();
    }
}
