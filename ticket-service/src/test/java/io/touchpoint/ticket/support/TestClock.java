package io.touchpoint.ticket.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The time of every ticket-service instance of this JVM that imports {@link Config}, moved by the test: two replicas
 * see the same time, as replicas on synchronised hosts do, and a deadline passes when the test says so.
 */
public final class TestClock extends Clock {

    private static final TestClock SHARED = new TestClock();

    private volatile Instant now = Instant.now();

    private TestClock() {}

    public static TestClock shared() {
        return SHARED;
    }

    public void set(Instant instant) {
        now = instant;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the test clock is UTC");
    }

    /** Makes the shared test clock the service's clock. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        @Primary
        Clock testClock() {
            return SHARED;
        }
    }
}
