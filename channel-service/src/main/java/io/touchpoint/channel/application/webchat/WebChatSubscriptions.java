package io.touchpoint.channel.application.webchat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.touchpoint.channel.config.WebChatProperties;
import io.touchpoint.channel.domain.webchat.ChatEvent;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Service;

/**
 * The open event streams of this replica, and what keeps each of them complete, in order and free of duplicates.
 *
 * <p>Every subscription has a cursor, the sequence of the last event its client got, and only ever writes what it
 * reads from the {@link ChatEventStore} after that cursor: a replay after a reconnect and live delivery are the same
 * read, so there is no switch-over where an event could slip through or come twice. An append on this replica rings
 * the subscriptions of its conversation at once; a poll every {@link WebChatProperties#pollInterval()} asks the store,
 * in one query for all open streams, whether the next event of any of them exists, which catches what other replicas
 * appended. Each subscription writes from one task at a time, on a virtual thread where the JVM has them, so a slow
 * client holds up no one else and an append never waits for a network write.
 */
@Service
public class WebChatSubscriptions implements SmartLifecycle {

    /** How many events one store read returns while a subscription catches up. */
    private static final int BATCH = 100;

    /** How many "is the next event there?" keys one poll query asks about. */
    private static final int POLL_BATCH = 500;

    private static final Logger log = LoggerFactory.getLogger(WebChatSubscriptions.class);

    private final ChatEventStore events;

    private final Duration pollInterval;

    private final long heartbeatNanos;

    private final Executor writers;

    private final Map<String, Set<Subscriber>> byConversation = new ConcurrentHashMap<>();

    private final AtomicInteger open = new AtomicInteger();

    private volatile ScheduledExecutorService poller;

    private volatile boolean stopped;

    @Autowired
    public WebChatSubscriptions(ChatEventStore events, WebChatProperties properties, MeterRegistry meters) {
        this(events, properties.pollInterval(), properties.heartbeatInterval(), writerExecutor());
        Gauge.builder("touchpoint.channel.webchat.streams", open, AtomicInteger::get)
                .description("Web chat event streams open on this replica")
                .register(meters);
    }

    WebChatSubscriptions(ChatEventStore events, Duration pollInterval, Duration heartbeatInterval, Executor writers) {
        this.events = events;
        this.pollInterval = pollInterval;
        this.heartbeatNanos = heartbeatInterval.toNanos();
        this.writers = writers;
    }

    /**
     * Writes the conversation's events after {@code after} to {@code sink}: first those already stored, then each one
     * as it is appended, until the subscription or the sink is closed.
     */
    public ChatSubscription subscribe(String conversationId, long after, ChatSink sink) {
        Subscriber subscriber = new Subscriber(conversationId, after, sink);
        byConversation.compute(conversationId, (id, subscribers) -> {
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

    /** Tells this replica's subscriptions of the event's conversation that it was appended. */
    void appended(ChatEvent event) {
        Set<Subscriber> subscribers = byConversation.get(event.conversationId());
        if (subscribers != null) {
            subscribers.forEach(Subscriber::signal);
        }
    }

    /**
     * One poll: wakes every subscription whose next event is stored (appended on another replica, or missed) and every
     * one that has been silent for the heartbeat interval.
     */
    void poll() {
        long now = System.nanoTime();
        Map<String, List<Subscriber>> waiting = new HashMap<>();
        for (Set<Subscriber> subscribers : byConversation.values()) {
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

    /** How many streams are open on this replica. */
    int openStreams() {
        return open.get();
    }

    @Override
    public void start() {
        stopped = false;
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemon("web-chat-poll"));
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
        byConversation.values().forEach(subscribers -> subscribers.forEach(Subscriber::close));
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException e) {
            // The next poll tries again; a failure here must not cancel the schedule.
            log.warn("web chat stream poll failed: {}", e.toString());
        }
    }

    private static Executor writerExecutor() {
        if (Runtime.version().feature() >= 21) {
            SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("web-chat-stream-");
            executor.setVirtualThreads(true);
            return executor;
        }
        // Java 17: platform threads, reused; a stalled client holds one until its write times out.
        return Executors.newCachedThreadPool(daemon("web-chat-stream"));
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
    private final class Subscriber implements ChatSubscription {

        private final String conversationId;

        private final ChatSink sink;

        private volatile long cursor;

        private volatile long lastWrite = System.nanoTime();

        /** Set by whoever wants the subscription to look again; cleared by the task before it looks. */
        private final AtomicBoolean pending = new AtomicBoolean();

        private final AtomicBoolean writing = new AtomicBoolean();

        private final AtomicBoolean heartbeatDue = new AtomicBoolean();

        private final AtomicBoolean closed = new AtomicBoolean();

        Subscriber(String conversationId, long after, ChatSink sink) {
            this.conversationId = conversationId;
            this.cursor = after;
            this.sink = sink;
        }

        String nextKey() {
            return ChatEvent.key(conversationId, cursor + 1);
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

        /** Writes until nothing new was signalled while it wrote; a signal that comes later starts a new task. */
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
                    List<ChatEvent> batch = events.after(conversationId, cursor, BATCH);
                    for (ChatEvent event : batch) {
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
                log.debug("web chat stream of {} ended: {}", conversationId, clientGone.toString());
                close();
            } catch (RuntimeException e) {
                // The store is unavailable: keep the stream; the next poll finds what is missing.
                log.warn("web chat stream of {} could not read its events: {}", conversationId, e.toString());
            }
        }

        @Override
        public void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            byConversation.computeIfPresent(conversationId, (id, subscribers) -> {
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
