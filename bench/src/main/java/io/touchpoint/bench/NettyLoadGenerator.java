package io.touchpoint.bench;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * scheduler's time than the servers' few event loops. A request's body is read from its JDK body publisher up front.
 */
final class NettyLoadGenerator implements RequestLoad, AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static final Duration TICK = Duration.ofMillis(1);

    private final int threads;

    private final LoopResources loops;
    private final ConnectionProvider connections;
    private final HttpClient client;

    /**
     * @param threads event-loop threads, so the load generator uses at most this many cores
     * @param maxConnections connections per target; the open loop opens as many as its requests in flight need
     */
    NettyLoadGenerator(int threads, int maxConnections) {
        this.threads = threads;
        this.loops = LoopResources.create("bench", threads, true);
        this.connections = ConnectionProvider.builder("bench")
                .maxConnections(maxConnections)
                .pendingAcquireMaxCount(-1)
                .pendingAcquireTimeout(TIMEOUT)
                .build();
        this.client = HttpClient.create(connections).runOn(loops).responseTimeout(TIMEOUT);
    }

    @Override
    public String description() {
        return "Reactor Netty, " + threads + " event-loop thread(s)";
    }

    @Override
    public LatencyStats closedLoop(
            Supplier<HttpRequest> request, IntPredicate expected, int requests, int concurrency) {
        long[] latencies = new long[requests];
        AtomicInteger next = new AtomicInteger();
        Errors errors = new Errors();
        Mono<Void> caller = Mono.defer(() -> {
                    int index = next.getAndIncrement();
                    if (index >= requests) {
                        return Mono.empty();
                    }
                    long start = System.nanoTime();
                    return send(request.get()).doOnNext(status -> {
                        latencies[index] = System.nanoTime() - start;
                        if (!expected.test(status)) {
                            latencies[index] = LatencyStats.FAILED;
                            errors.add(status);
                        }
                    });
                })
                .repeat(() -> next.get() < requests)
                .then();
        long started = System.nanoTime();
        Flux.range(0, concurrency).flatMap(i -> caller, concurrency).blockLast();
        return LatencyStats.of(latencies, errors, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Paced on one of the client's own event loops, once per {@link #TICK}: each tick sends every request due by then,
     * so the load costs neither a timer wake-up of a pacing thread per request nor a hand-over of each request to the
     * event loop (together they cost the client about as much CPU as the service spent answering). A request sent
     * up to a tick late counts that delay in its latency, which is measured from when it was due.
     */
    @Override
    public LatencyStats openLoop(
            Supplier<HttpRequest> request, IntPredicate expected, double perSecond, Duration duration)
            throws InterruptedException {
        int requests = (int) Math.max(1, Math.round(perSecond * duration.toNanos() / 1e9));
        long interval = (long) (1e9 / perSecond);
        long[] latencies = new long[requests];
        Errors errors = new Errors();
        CountDownLatch answered = new CountDownLatch(requests);
        long started = System.nanoTime();
        int[] next = {0};
        ScheduledFuture<?> pacing = loops.onClient(true)
                .next()
                .scheduleAtFixedRate(
                        () -> {
                            long now = System.nanoTime();
                            for (; next[0] < requests && started + next[0] * interval <= now; next[0]++) {
                                long due = started + next[0] * interval;
                                int index = next[0];
                                send(request.get()).subscribe(status -> {
                                    latencies[index] = System.nanoTime() - due;
                                    if (!expected.test(status)) {
                                        latencies[index] = LatencyStats.FAILED;
                                        errors.add(status);
                                    }
                                    answered.countDown();
                                });
                            }
                        },
                        0,
                        TICK.toNanos(),
                        TimeUnit.NANOSECONDS);
        try {
            if (!answered.await(duration.toSeconds() + 30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(answered.getCount() + " requests still unanswered 30 s after the last");
            }
        } finally {
            pacing.cancel(false);
        }
        return LatencyStats.of(latencies, errors, Duration.ofNanos(System.nanoTime() - started));
    }

    /** The response's status once its body was read (and dropped); -1 when the request failed or timed out. */
    private Mono<Integer> send(HttpRequest request) {
        byte[] body = bodyOf(request);
        return client.headers(headers -> {
                    request.headers().map().forEach(headers::add);
                    if (body.length > 0) {
                        headers.set(HttpHeaderNames.CONTENT_LENGTH, body.length);
                    }
                })
                .request(HttpMethod.valueOf(request.method()))
                .uri(request.uri())
                .send(body.length > 0 ? Mono.just(Unpooled.wrappedBuffer(body)) : Mono.empty())
                .response((response, received) ->
                        received.then(Mono.just(response.status().code())))
                .single()
                .onErrorReturn(Errors.NO_ANSWER);
    }

    /** The bytes of a JDK request's body (its publishers of in-memory content publish them when subscribed). */
    private static byte[] bodyOf(HttpRequest request) {
        if (request.bodyPublisher().isEmpty()) {
            return new byte[0];
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CompletableFuture<byte[]> read = new CompletableFuture<>();
        request.bodyPublisher().get().subscribe(new Flow.Subscriber<ByteBuffer>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer buffer) {
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }

            @Override
            public void onError(Throwable failure) {
                read.completeExceptionally(failure);
            }

            @Override
            public void onComplete() {
                read.complete(bytes.toByteArray());
            }
        });
        return read.join();
    }

    @Override
    public void close() {
        connections.dispose();
        loops.dispose();
    }
}
