package io.touchpoint.bench;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * The unexpected answers of one run, by status: a gateway shedding load (503 at once) and requests that never got
 * an answer (timeouts, refused connections) are different failures, and a bare count hides which it was.
 */
final class Errors {

    /** Stands for a request that got no HTTP answer at all. */
    static final int NO_ANSWER = -1;

    private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();

    void add(int status) {
        byStatus.computeIfAbsent(status, any -> new LongAdder()).increment();
    }

    int total() {
        return (int) byStatus.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** {@code 503 × 11554, no answer × 12}; empty when there were none. */
    String describe() {
        return byStatus.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing((Integer status) -> status == NO_ANSWER)
                        .thenComparing(Comparator.naturalOrder())))
                .map(entry -> (entry.getKey() == NO_ANSWER ? "no answer" : entry.getKey()) + " × "
                        + entry.getValue().sum())
                .collect(Collectors.joining(", "));
    }
}
