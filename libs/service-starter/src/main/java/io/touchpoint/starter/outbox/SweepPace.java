package io.touchpoint.starter.outbox;

import java.time.Duration;

/**
 * When one relay sweeps next. Triggered publishes handle nearly every event, so a sweep usually finds nothing; each
 * sweep that finds nothing doubles the wait before the next, up to the idle interval. A sweep that publishes or
 * fails, or one while the relay backs off from a broker failure, brings the pace back to the poll interval; a hint
 * that a triggered publish may have left documents behind ({@link #hurry}) makes the next tick sweep and starts the
 * pace over.
 *
 * <p>Why it matters: a sweep is one query per collection with an outbox, every poll interval, on every replica,
 * nearly always for nothing; without an index on the outbox it is a scan of the whole collection. What it costs: an event whose writer crashed between
 * the write and its triggered publish waits up to the idle interval longer for the sweep of another replica.
 */
final class SweepPace {

    private final long pollMillis;

    private final long idleMillis;

    private long waitMillis;

    private long nextAtMillis = Long.MIN_VALUE;

    private volatile boolean hurried;

    SweepPace(Duration pollInterval, Duration idleInterval) {
        this.pollMillis = pollInterval.toMillis();
        this.idleMillis = Math.max(pollMillis, idleInterval.toMillis());
        this.waitMillis = pollMillis;
    }

    /**
     * Whether the relay sweeps at {@code nowMillis}; a hurry is used up by the sweep this returns true for, and starts
     * the pace over from the poll interval. Called by the one sweeper thread only, like {@link #swept}.
     */
    boolean due(long nowMillis) {
        if (hurried) {
            hurried = false;
            waitMillis = pollMillis;
            return true;
        }
        return nowMillis >= nextAtMillis;
    }

    /** Records a sweep that ended at {@code nowMillis}, and whether it found work (or could not finish it). */
    void swept(long nowMillis, boolean foundWork) {
        waitMillis = foundWork ? pollMillis : Math.min(idleMillis, waitMillis * 2);
        nextAtMillis = nowMillis + waitMillis;
    }

    /**
     * The next tick sweeps, whatever the pace, and the pace starts over from the poll interval: documents the hurry is
     * about may still be too young for that sweep, not for the ones after it. Any thread.
     */
    void hurry() {
        hurried = true;
    }
}
