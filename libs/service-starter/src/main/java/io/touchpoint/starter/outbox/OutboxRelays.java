package io.touchpoint.starter.outbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The outbox relays of this service, one per collection with an outbox: runs them right after writes
 * ({@link #afterWrite}) and on a timer, on a small dedicated set of threads, and stops them on shutdown before the
 * broker and database clients close. The timer sweeps each collection at its own {@link SweepPace}: every poll
 * interval while there is work the triggered publishes did not do, less often while there is none.
 */
public class OutboxRelays implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelays.class);

    /** Documents written beyond this many waiting for their relay are left to the next sweep. */
    private static final int TRIGGER_QUEUE_CAPACITY = 10_000;

    private final Map<String, OutboxRelay> relays = new LinkedHashMap<>();

    private final Map<String, Triggered> triggered = new LinkedHashMap<>();

    private final Map<String, SweepPace> paces = new LinkedHashMap<>();

    private final OutboxProperties properties;

    private volatile ScheduledExecutorService sweeper;

    private volatile ThreadPoolExecutor publishers;

    public OutboxRelays(Collection<OutboxRelay> relays, OutboxProperties properties) {
        relays.forEach(relay -> {
            SweepPace pace = new SweepPace(properties.pollInterval(), properties.idlePollInterval());
            this.relays.put(relay.collection(), relay);
            this.paces.put(relay.collection(), pace);
            this.triggered.put(relay.collection(), new Triggered(relay, pace));
        });
        this.properties = properties;
    }

    /**
     * Publishes the new events of a document right away, instead of at the next sweep. Call it after a write that
     * appended outbox events; saves through {@code MongoTemplate}/repositories trigger it by themselves.
     *
     * @throws IllegalArgumentException if no relay is registered for {@code collection}
     */
    public void afterWrite(String collection, Object documentId) {
        Triggered triggered = this.triggered.get(collection);
        if (triggered == null) {
            throw new IllegalArgumentException("no outbox relay for collection '" + collection
                    + "': declare an OutboxCollection bean or list it in touchpoint.outbox.collections");
        }
        ThreadPoolExecutor executor = publishers;
        if (executor != null && triggered.add(documentId)) {
            executor.execute(triggered::drain);
        }
    }

    public Optional<OutboxRelay> relay(String collection) {
        return Optional.ofNullable(relays.get(collection));
    }

    public List<String> collections() {
        return List.copyOf(relays.keySet());
    }

    boolean handles(String collection) {
        return relays.containsKey(collection);
    }

    @Override
    public synchronized void start() {
        if (isRunning() || relays.isEmpty()) {
            return;
        }
        // Whatever a previous run left queued is the sweep's now, and no drain of that run is still going.
        triggered.values().forEach(Triggered::reset);
        paces.values().forEach(SweepPace::hurry);
        publishers = new ThreadPoolExecutor(
                properties.threads(),
                properties.threads(),
                0,
                TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(),
                daemonThreads("touchpoint-outbox-"),
                // Shutting down: the documents stay in their collections for the next sweep, the writer is not failed.
                new ThreadPoolExecutor.DiscardPolicy());
        sweeper = Executors.newSingleThreadScheduledExecutor(daemonThreads("touchpoint-outbox-sweep-"));
        // Before the first sweep, off the start-up path: a database that does not answer yet must not hold it up.
        relays.values().forEach(relay -> sweeper.execute(() -> run(relay, relay::declareIndex)));
        long interval = properties.pollInterval().toMillis();
        sweeper.scheduleWithFixedDelay(this::sweepAll, 0, interval, TimeUnit.MILLISECONDS);
        log.info(
                "outbox relays started for {}, sweeping every {} (up to {} while sweeps find nothing)",
                relays.keySet(),
                properties.pollInterval(),
                properties.idlePollInterval());
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService sweeping = sweeper;
        ThreadPoolExecutor publishing = publishers;
        sweeper = null;
        publishers = null;
        if (sweeping == null) {
            return;
        }
        sweeping.shutdown();
        publishing.shutdown();
        try {
            // Let an in-flight publish finish, so its confirmed events are removed rather than sent twice.
            long waitMillis = properties.lease().toMillis();
            if (!sweeping.awaitTermination(waitMillis, TimeUnit.MILLISECONDS)
                    || !publishing.awaitTermination(waitMillis, TimeUnit.MILLISECONDS)) {
                log.warn("outbox relays did not stop within {}", properties.lease());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sweeping.shutdownNow();
        publishing.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return sweeper != null;
    }

    @Override
    public boolean isAutoStartup() {
        return properties.enabled();
    }

    private void sweepAll() {
        for (OutboxRelay relay : relays.values()) {
            SweepPace pace = paces.get(relay.collection());
            if (pace.due(nowMillis())) {
                sweep(relay, pace);
            }
        }
    }

    private void sweep(OutboxRelay relay, SweepPace pace) {
        boolean foundWork = true;
        try {
            foundWork = relay.sweep(properties.maxDocumentsPerSweep()) > 0 || relay.backingOff();
        } catch (RuntimeException e) {
            failed(relay, e);
        } finally {
            pace.swept(nowMillis(), foundWork);
        }
    }

    /** Runs one relay's work; false, after logging it, if it failed. */
    private static boolean run(OutboxRelay relay, Runnable work) {
        try {
            work.run();
            return true;
        } catch (RuntimeException e) {
            failed(relay, e);
            return false;
        }
    }

    private static void failed(OutboxRelay relay, RuntimeException e) {
        // Database unreachable, typically: the events are safe in their documents; try again next time.
        log.warn("outbox relay for {} failed: {}", relay.collection(), e.toString());
    }

    private static long nowMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime());
    }

    /**
     * The documents written since one relay last ran, published in batches by one drain at a time: while a batch is
     * being published, the next writes gather into the next batch.
     */
    private static final class Triggered {

        private final OutboxRelay relay;

        private final SweepPace pace;

        private final Queue<Object> documentIds = new ConcurrentLinkedQueue<>();

        private final AtomicInteger size = new AtomicInteger();

        private final AtomicBoolean draining = new AtomicBoolean();

        Triggered(OutboxRelay relay, SweepPace pace) {
            this.relay = relay;
            this.pace = pace;
        }

        /**
         * Queues a document; true if a drain must be started for it. Beyond the capacity the sweep publishes it (the
         * sweeps are hurried back to the poll interval).
         */
        boolean add(Object documentId) {
            if (size.incrementAndGet() > TRIGGER_QUEUE_CAPACITY) {
                size.decrementAndGet();
                pace.hurry();
                return false;
            }
            documentIds.add(documentId);
            return draining.compareAndSet(false, true);
        }

        void reset() {
            documentIds.clear();
            size.set(0);
            draining.set(false);
        }

        void drain() {
            while (true) {
                List<Object> batch = new ArrayList<>(OutboxRelay.BATCH);
                for (Object id; batch.size() < OutboxRelay.BATCH && (id = documentIds.poll()) != null; ) {
                    batch.add(id);
                }
                if (!batch.isEmpty()) {
                    size.addAndGet(-batch.size());
                    if (!run(relay, () -> relay.relay(batch)) || relay.backingOff()) {
                        // The batch or the broker failed: its documents stay for the sweep, which must not be idling.
                        pace.hurry();
                    }
                    continue;
                }
                draining.set(false);
                // A document queued between the last poll and the reset saw a drain running: take it over.
                if (documentIds.isEmpty() || !draining.compareAndSet(false, true)) {
                    return;
                }
            }
        }
    }

    private static CustomizableThreadFactory daemonThreads(String prefix) {
        CustomizableThreadFactory factory = new CustomizableThreadFactory(prefix);
        factory.setDaemon(true);
        return factory;
    }
}
