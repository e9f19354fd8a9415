package io.touchpoint.ticket.application.sla;

import io.touchpoint.ticket.config.SlaProperties;
import io.touchpoint.ticket.domain.sla.SlaClock;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Looks for SLA timers that are due, on every replica: each look claims due timers one at a time with an atomic lease
 * ({@link SlaClockStore#claimDue}) and hands each to {@link SlaEnforcement}. It reads only due timers, never the
 * tickets. A replica that dies holding a lease leaves the timer to another once the lease expires; one whose handling
 * fails keeps the lease, so the timer is tried again after it rather than in a tight loop.
 */
@Component
public class SlaScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SlaScheduler.class);

    private final SlaClockStore timers;

    private final SlaEnforcement enforcement;

    private final SlaProperties.Scheduler properties;

    private final Clock clock;

    private final String owner;

    private volatile ScheduledExecutorService executor;

    public SlaScheduler(SlaClockStore timers, SlaEnforcement enforcement, SlaProperties properties, Clock clock) {
        this.timers = timers;
        this.enforcement = enforcement;
        this.properties = properties.scheduler();
        this.clock = clock;
        this.owner = hostName() + "/" + UUID.randomUUID();
    }

    /** Handles the timers due now, at most a batch; returns how many it claimed. */
    public int runDue() {
        Instant now = clock.instant();
        int claimed = 0;
        while (claimed < properties.batchSize()) {
            Optional<SlaClock> due = timers.claimDue(now, owner, now.plus(properties.lease()));
            if (due.isEmpty()) {
                break;
            }
            claimed++;
            try {
                enforcement.enforce(due.get());
                timers.release(due.get(), owner);
            } catch (RuntimeException e) {
                log.warn(
                        "SLA timer {} failed, retried after its lease of {}: {}",
                        due.get().id(),
                        properties.lease(),
                        e.toString());
            }
        }
        return claimed;
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "touchpoint-sla-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.MILLISECONDS);
        log.info("SLA scheduler {} started, looking for due timers every {}", owner, properties.pollInterval());
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running == null) {
            return;
        }
        running.shutdown();
        try {
            if (!running.awaitTermination(properties.lease().toMillis(), TimeUnit.MILLISECONDS)) {
                running.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    @Override
    public boolean isAutoStartup() {
        return properties.enabled();
    }

    private void tick() {
        try {
            runDue();
        } catch (RuntimeException e) {
            // The database is unreachable, typically: the timers wait in it; look again next time.
            log.warn("looking for due SLA timers failed: {}", e.toString());
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
