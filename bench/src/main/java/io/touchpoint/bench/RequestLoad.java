package io.touchpoint.bench;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/** Sends requests and measures them: closed loop (N callers back to back) or open loop (a fixed rate). */
interface RequestLoad {

    /**
     * {@code concurrency} callers each sending the next request as soon as the previous answered, until
     * {@code requests} were sent: what the target can sustain (its saturation throughput).
     */
    LatencyStats closedLoop(Supplier<HttpRequest> request, IntPredicate expected, int requests, int concurrency)
            throws Exception;

    /**
     * Requests sent at a fixed rate whatever the answers, each latency counted from when it was due to be sent (so a
     * stalled target shows in the percentiles instead of slowing the load down).
     */
    LatencyStats openLoop(Supplier<HttpRequest> request, IntPredicate expected, double perSecond, Duration duration)
            throws Exception;
}
