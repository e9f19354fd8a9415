package io.touchpoint.ticket.application.reporting;

import java.util.Collection;

/**
 * Figures of a set of durations, in whole seconds: the median and 90th percentile by nearest rank (the smallest value
 * with at least that share of values at or below it, always one of the values), and the mean, rounded.
 *
 * @param median absent when there are no durations, like {@code p90} and {@code average}
 */
public record DurationFigures(long count, Long median, Long p90, Long average) {

    public static final DurationFigures NONE = new DurationFigures(0, null, null, null);

    public static DurationFigures of(Collection<Long> seconds) {
        if (seconds.isEmpty()) {
            return NONE;
        }
        long[] sorted = seconds.stream().mapToLong(Long::longValue).sorted().toArray();
        long sum = 0;
        for (long value : sorted) {
            sum += value;
        }
        return new DurationFigures(
                sorted.length,
                nearestRank(sorted, 50),
                nearestRank(sorted, 90),
                Math.round((double) sum / sorted.length));
    }

    private static long nearestRank(long[] sorted, int percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
