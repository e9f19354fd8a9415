package io.touchpoint.channel.application.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.touchpoint.channel.domain.webchat.ChatAuthor;
import io.touchpoint.channel.domain.webchat.ChatEvent;
import io.touchpoint.events.MessageContent;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The delivery rules of open streams, against a store in memory: complete, in order, never twice. */
class WebChatSubscriptionsTests {

    private static final String CONVERSATION = "cnv_01jd0000000000000000000000";

    private final InMemoryChatEventStore store = new InMemoryChatEventStore();

    private final ExecutorService writers = Executors.newCachedThreadPool();

    // Polls and heartbeats only when a test calls poll(): the stream must not depend on them to be complete.
    private final WebChatSubscriptions subscriptions =
            new WebChatSubscriptions(store, Duration.ofHours(1), Duration.ofHours(1), writers);

    @AfterEach
    void stop() throws InterruptedException {
        subscriptions.stop();
        writers.shutdownNow();
        writers.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void storedEventsAfterTheCursorAreReplayedThenNewOnesFollow() {
        appendAndNotify(5);
        RecordingSink sink = new RecordingSink();

        subscriptions.subscribe(CONVERSATION, 2, sink);
        sink.awaitSequences(3, 4, 5);
        appendAndNotify(2);

        sink.awaitSequences(3, 4, 5, 6, 7);
    }

    @Test
    void appendsRacingASubscriptionAreDeliveredOnceEachInOrder() throws Exception {
        appendAndNotify(10);
        RecordingSink sink = new RecordingSink();
        ExecutorService appenders = Executors.newFixedThreadPool(4);
        try {
            for (int i = 0; i < 4; i++) {
                appenders.execute(() -> appendAndNotify(50));
            }
            subscriptions.subscribe(CONVERSATION, 10, sink);
            appenders.shutdown();
            assertThat(appenders.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            appenders.shutdownNow();
        }

        sink.awaitSequences(LongStream.rangeClosed(11, 210).toArray());
    }

    @Test
    void eventsAppendedElsewhereArriveWithThePoll() {
        RecordingSink sink = new RecordingSink();
        subscriptions.subscribe(CONVERSATION, 0, sink);
        appendAndNotify(1);
        sink.awaitSequences(1);

        appendWithoutNotifying(); // as another replica does
        subscriptions.poll();

        sink.awaitSequences(1, 2);
    }

    @Test
    void aSilentStreamGetsAHeartbeatOnThePoll() {
        var silent = new WebChatSubscriptions(store, Duration.ofHours(1), Duration.ZERO, writers);
        RecordingSink sink = new RecordingSink();
        silent.subscribe(CONVERSATION, 0, sink);

        silent.poll();

        await().untilAsserted(() -> assertThat(sink.heartbeats.get()).isEqualTo(1));
        assertThat(sink.sequences()).isEmpty();
    }

    @Test
    void aClientThatIsGoneEndsItsSubscription() {
        RecordingSink sink = new RecordingSink();
        ChatSubscription subscription = subscriptions.subscribe(CONVERSATION, 0, sink);
        assertThat(subscriptions.openStreams()).isEqualTo(1);

        sink.gone.set(true);
        appendAndNotify(1);

        await().untilAsserted(() -> assertThat(sink.closed.get()).isTrue());
        assertThat(subscriptions.openStreams()).isZero();
        subscription.close(); // the web layer closes it again when the response completes: harmless
        assertThat(subscriptions.openStreams()).isZero();
    }

    @Test
    void stoppingEndsEveryStreamSoClientsResumeElsewhere() {
        RecordingSink first = new RecordingSink();
        RecordingSink second = new RecordingSink();
        subscriptions.subscribe(CONVERSATION, 0, first);
        subscriptions.subscribe("cnv_01jd0000000000000000000001", 0, second);

        subscriptions.stop();

        assertThat(first.closed).isTrue();
        assertThat(second.closed).isTrue();
        assertThat(subscriptions.openStreams()).isZero();
    }

    private void appendAndNotify(int count) {
        for (int i = 0; i < count; i++) {
            subscriptions.appended(appendWithoutNotifying());
        }
    }

    private ChatEvent appendWithoutNotifying() {
        return store.append(
                        "tenant_a",
                        CONVERSATION,
                        new ChatEvent.Message(ChatAuthor.AGENT, null, null, null, null, MessageContent.text("hi")),
                        null,
                        Instant.now())
                .event();
    }

    private static final class RecordingSink implements ChatSink {

        private final List<ChatEvent> events = new CopyOnWriteArrayList<>();

        private final AtomicInteger heartbeats = new AtomicInteger();

        private final AtomicBoolean gone = new AtomicBoolean();

        private final AtomicBoolean closed = new AtomicBoolean();

        @Override
        public void send(ChatEvent event) throws IOException {
            if (gone.get()) {
                throw new IOException("broken pipe");
            }
            events.add(event);
        }

        @Override
        public void heartbeat() {
            heartbeats.incrementAndGet();
        }

        @Override
        public void close() {
            closed.set(true);
        }

        List<Long> sequences() {
            return events.stream().map(ChatEvent::sequence).toList();
        }

        /** Waits until the sink has received exactly these sequences, in this order. */
        void awaitSequences(long... expected) {
            List<Long> list = LongStream.of(expected).boxed().toList();
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(sequences()).hasSizeGreaterThanOrEqualTo(list.size()));
            assertThat(sequences()).containsExactlyElementsOf(list);
        }
    }
}
