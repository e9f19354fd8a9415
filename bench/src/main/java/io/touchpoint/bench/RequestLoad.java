package io.touchpoint.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/** Sends requests and measures them: closed loop (N callers back to back) or open loop (a fixed rate). */
interface RequestLoad extends AutoCloseable {

    /** Enough for the requests in flight at half load; the closed loop uses one connection per caller. */
    int OPEN_LOOP_MAX_CONNECTIONS = 512;

    /**
     * The load generator a scenario's options ask for: the lean Reactor Netty client on {@code --client-threads}
     * event loops (1 by default), or with {@code --client=jdk} the JDK client {@code jdk}.
     */
    static RequestLoad fromOptions(Options options, HttpClient jdk) {
        return options.get("client", "netty").equals("jdk")
                ? new LoadGenerator(jdk)
                : new NettyLoadGenerator(options.getInt("client-threads", 1), OPEN_LOOP_MAX_CONNECTIONS);
    }

    /** What the report says sent the load. */
    String description();

    @Override
    default void close() {}

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
