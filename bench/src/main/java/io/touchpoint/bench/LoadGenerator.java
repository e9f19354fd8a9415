package io.touchpoint.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/** Sends HTTP requests and measures them: closed loop (N clients back to back) or open loop (a fixed rate). */
final class LoadGenerator implements RequestLoad {

    private final HttpClient client;

    LoadGenerator(HttpClient client) {
        this.client = client;
    }

    @Override
    public String description() {
        return "JDK HttpClient";
    }

    @Override
    public LatencyStats closedLoop(Supplier<HttpRequest> request, IntPredicate expected, int requests, int concurrency)
            throws Exception {
        long[] latencies = new long[requests];
        AtomicInteger next = new AtomicInteger();
        Errors errors = new Errors();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        long started = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int worker = 0; worker < concurrency; worker++) {
                running.add(workers.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        long start = System.nanoTime();
                        latencies[i] = LatencyStats.FAILED;
                        try {
                            int status = client.send(request.get(), HttpResponse.BodyHandlers.discarding())
                                    .statusCode();
                            if (expected.test(status)) {
                                latencies[i] = System.nanoTime() - start;
                            } else {
                                errors.add(status);
                            }
                        } catch (Exception ex) {
                            errors.add(Errors.NO_ANSWER);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            workers.shutdownNow();
        }
        return LatencyStats.of(latencies, errors, Duration.ofNanos(System.nanoTime() - started));
    }

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
        for (int i = 0; i < requests; i++) {
            long due = started + i * interval;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            client.sendAsync(request.get(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> {
                        latencies[index] = System.nanoTime() - due;
                        if (failure != null) {
                            latencies[index] = LatencyStats.FAILED;
                            errors.add(Errors.NO_ANSWER);
                        } else if (!expected.test(response.statusCode())) {
                            latencies[index] = LatencyStats.FAILED;
                            errors.add(response.statusCode());
                        }
                        answered.countDown();
                    });
        }
        if (!answered.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(answered.getCount() + " requests still unanswered after 30 s");
        }
        return LatencyStats.of(latencies, errors, Duration.ofNanos(System.nanoTime() - started));
    }
}
