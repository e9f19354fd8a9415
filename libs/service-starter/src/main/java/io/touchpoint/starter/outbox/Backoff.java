package io.touchpoint.starter.outbox;

import java.time.Duration;
import java.time.Instant;

/** Exponential back-off between relay attempts while the broker is unreachable, capped. */
final class Backoff {

    private final Duration initial;

    private final Duration max;

    private int failures;

    private Instant waitUntil = Instant.MIN;

    Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    synchronized boolean waiting(Instant now) {
        return now.isBefore(waitUntil);
    }

    /** Records a failure and returns how long to wait before the next attempt. */
    synchronized Duration failed(Instant now) {
        Duration delay = initial.multipliedBy(1L << Math.min(failures, 20));
        if (delay.compareTo(max) > 0) {
            delay = max;
        }
        failures++;
        waitUntil = now.plus(delay);
        return delay;
    }

    synchronized void succeeded() {
        failures = 0;
        waitUntil = Instant.MIN;
    }
}
