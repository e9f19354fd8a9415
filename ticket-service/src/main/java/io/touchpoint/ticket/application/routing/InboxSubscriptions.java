package io.touchpoint.ticket.application.routing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.touchpoint.ticket.config.RoutingProperties;
import io.touchpoint.ticket.domain.routing.InboxEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Service;

/**
 * The inbox streams open on this replica, and what keeps each complete, in order and free of duplicates; the design of
 * the web chat streams (docs/adr/0007).
 *
 * <p>Every subscription has a cursor, the sequence of the last event its client got, and only ever writes what it reads
 * from the {@link InboxEventStore} after that cursor: a replay after a reconnect and live delivery are the same read,
 * so no event can slip through or come twice at the switch. An append on this replica rings the agent's subscriptions
 * at once; a poll every {@link RoutingProperties#inboxPollInterval()} asks the store, in one query for all open
 * streams, whether the next event of any of them exists, which catches what other replicas appended. Each
 * subscription writes from one task at a time, so a slow client holds up no one else.
 */
@Service
public class InboxSubscriptions implements SmartLifecycle {

    private static final int BATCH = 100;

    private static final int POLL_BATCH = 500;

    private static final Logger log = LoggerFactory.getLogger(InboxSubscriptions.class);

    private final InboxEventStore events;

    private final Duration pollInterval;

    private final long heartbeatNanos;

    private final Executor writers;

    private final Map<String, Set<Subscriber>> byStream = new ConcurrentHashMap<>();

    private final AtomicInteger open = new AtomicInteger();

    private volatile ScheduledExecutorService poller;

    private volatile boolean stopped;

    public InboxSubscriptions(InboxEventStore events, RoutingProperties properties, MeterRegistry meters) {
        this.events = events;
        this.pollInterval = properties.inboxPollInterval();
        this.heartbeatNanos = properties.inboxHeartbeat().toNanos();
        this.writers = writerExecutor();
        Gauge.builder("touchpoint.ticket.inbox.streams", open, AtomicInteger::get)
                .description("Agent inbox streams open on this replica")
                .register(meters);
    }

    /**
     * Writes the agent's events after {@code after} to {@code sink}: first those already stored, then each one as it
     * is appended, until the subscription or the sink is closed.
     */
    public InboxSubscription subscribe(String tenantId, String agentId, long after, InboxSink sink) {
        Subscriber subscriber = new Subscriber(tenantId, agentId, after, sink);
        byStream.compute(subscriber.stream, (id, subscribers) -> {
            Set<Subscriber> set = subscribers != null ? subscribers : ConcurrentHashMap.newKeySet();
            set.add(subscriber);
            return set;
        });
        open.incrementAndGet();
        if (stopped) {
            subscriber.close();
        } else {
            subscriber.signal();
        }
        return subscriber;
    }

    /** Tells this replica's subscriptions of the event's agent that it was appended. */
    void appended(InboxEvent event) {
        Set<Subscriber> subscribers = byStream.get(InboxEvent.stream(event.tenantId(), event.agentId()));
        if (subscribers != null) {
            subscribers.forEach(Subscriber::signal);
        }
    }

    /** One poll: wakes every subscription whose next event is stored, and every one due a heartbeat. */
    void poll() {
        long now = System.nanoTime();
        Map<String, List<Subscriber>> waiting = new HashMap<>();
        for (Set<Subscriber> subscribers : byStream.values()) {
            for (Subscriber subscriber : subscribers) {
                waiting.computeIfAbsent(subscriber.nextKey(), key -> new ArrayList<>())
                        .add(subscriber);
                if (now - subscriber.lastWrite >= heartbeatNanos) {
                    subscriber.heartbeatDue.set(true);
                    subscriber.signal();
                }
            }
        }
        List<String> keys = new ArrayList<>(waiting.keySet());
        for (int from = 0; from < keys.size(); from += POLL_BATCH) {
            for (String found : events.existing(keys.subList(from, Math.min(from + POLL_BATCH, keys.size())))) {
                waiting.get(found).forEach(Subscriber::signal);
            }
        }
    }

    @Override
    public void start() {
        stopped = false;
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemon("inbox-poll"));
        long period = pollInterval.toMillis();
        scheduler.scheduleWithFixedDelay(this::pollQuietly, period, period, TimeUnit.MILLISECONDS);
        poller = scheduler;
    }

    /** Ends every stream first, so that clients resume on another replica and graceful shutdown does not wait. */
    @Override
    public void stop() {
        stopped = true;
        ScheduledExecutorService scheduler = poller;
        poller = null;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        byStream.values().forEach(subscribers -> subscribers.forEach(Subscriber::close));
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException e) {
            log.warn("inbox stream poll failed: {}", e.toString());
        }
    }

    private static Executor writerExecutor() {
        if (Runtime.version().feature() >= 21) {
            SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("inbox-stream-");
            executor.setVirtualThreads(true);
            return executor;
        }
        return Executors.newCachedThreadPool(daemon("inbox-stream"));
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One client's stream: its cursor, and the rule that one task at a time writes to it. */
    private final class Subscriber implements InboxSubscription {

        private final String tenantId;

        private final String agentId;

        private final String stream;

        private final InboxSink sink;

        private volatile long cursor;

        private volatile long lastWrite = System.nanoTime();

        private final AtomicBoolean pending = new AtomicBoolean();

        private final AtomicBoolean writing = new AtomicBoolean();

        private final AtomicBoolean heartbeatDue = new AtomicBoolean();

        private final AtomicBoolean closed = new AtomicBoolean();

        Subscriber(String tenantId, String agentId, long after, InboxSink sink) {
            this.tenantId = tenantId;
            this.agentId = agentId;
            this.stream = InboxEvent.stream(tenantId, agentId);
            this.cursor = after;
            this.sink = sink;
        }

        String nextKey() {
            return InboxEvent.key(tenantId, agentId, cursor + 1);
        }

        void signal() {
            if (closed.get()) {
                return;
            }
            pending.set(true);
            if (writing.compareAndSet(false, true)) {
                try {
                    writers.execute(this::write);
                } catch (RejectedExecutionException shuttingDown) {
                    writing.set(false);
                    close();
                }
            }
        }

        /** Writes until nothing new was signalled while it wrote; a later signal starts a new task. */
        private void write() {
            do {
                pending.set(false);
                catchUp();
                writing.set(false);
            } while (pending.get() && !closed.get() && writing.compareAndSet(false, true));
        }

        private void catchUp() {
            try {
                while (!closed.get()) {
                    List<InboxEvent> batch = events.after(tenantId, agentId, cursor, BATCH);
                    for (InboxEvent event : batch) {
                        sink.send(event);
                        cursor = event.sequence();
                        lastWrite = System.nanoTime();
                    }
                    if (batch.size() < BATCH) {
                        break;
                    }
                }
                if (heartbeatDue.getAndSet(false) && !closed.get()) {
                    sink.heartbeat();
                    lastWrite = System.nanoTime();
                }
            } catch (IOException clientGone) {
                log.debug("inbox stream of {} ended: {}", agentId, clientGone.toString());
                close();
            } catch (RuntimeException e) {
                // The store is unavailable: keep the stream; the next poll finds what is missing.
                log.warn("inbox stream of {} could not read its events: {}", agentId, e.toString());
            }
        }

        @Override
        public void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            byStream.computeIfPresent(stream, (id, subscribers) -> {
                subscribers.remove(this);
                return subscribers.isEmpty() ? null : subscribers;
            });
            open.decrementAndGet();
            sink.close();
        }

        @Override
        public long lastSequence() {
            return cursor;
        }
    }
}
