package io.touchpoint.test.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@code text/event-stream} client the way a browser's {@code EventSource} reads one: the JDK HTTP client hands it
 * the body line by line, it assembles events by the SSE rules ({@code id:}, {@code event:}, {@code data:}, a blank line
 * ends an event, {@code :} starts a comment) and keeps them in arrival order. {@link #close()} drops the connection,
 * as a tab that goes offline does.
 */
public final class SseClient implements AutoCloseable {

    private static final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final List<Event> events = new CopyOnWriteArrayList<>();

    private final AtomicInteger comments = new AtomicInteger();

    private final CompletableFuture<HttpResponse.ResponseInfo> response = new CompletableFuture<>();

    private final Lines lines = new Lines();

    private volatile boolean ended;

    private SseClient() {}

    /** Opens {@code uri} with {@code headers} and returns once the response headers arrived. */
    public static SseClient open(URI uri, Map<String, String> headers) {
        SseClient client = new SseClient();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Accept", "text/event-stream")
                .GET();
        headers.forEach(request::header);
        http.sendAsync(request.build(), info -> {
                    client.response.complete(info);
                    return HttpResponse.BodySubscribers.fromLineSubscriber(client.lines);
                })
                .whenComplete((done, failure) -> {
                    client.ended = true;
                    if (failure != null) {
                        client.response.completeExceptionally(failure);
                    }
                });
        try {
            client.response.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("no response from " + uri, e);
        }
        return client;
    }

    public int status() {
        return response.join().statusCode();
    }

    public String header(String name) {
        return response.join().headers().firstValue(name).orElse(null);
    }

    /** The events received so far, in order. */
    public List<Event> events() {
        return List.copyOf(events);
    }

    /** The ids of the events received so far, in order. */
    public List<Long> ids() {
        return events.stream().map(event -> Long.parseLong(event.id())).toList();
    }

    /** Waits until the last event received has id {@code id}, and returns every event received. */
    public List<Event> awaitLastId(long id) {
        await("event " + id)
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(10))
                .untilAsserted(() -> assertThat(ids()).isNotEmpty().last().isEqualTo(id));
        return events();
    }

    /** Waits until at least {@code count} events arrived, and returns them all. */
    public List<Event> awaitCount(int count) {
        await(count + " events")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> events.size() >= count);
        return events();
    }

    /** How many comment lines (heartbeats) arrived. */
    public int comments() {
        return comments.get();
    }

    /** Whether the server ended the stream. */
    public boolean ended() {
        return ended;
    }

    @Override
    public void close() {
        lines.cancel();
    }

    /**
     * One server-sent event.
     *
     * @param id its {@code id:}, the last one seen when it had none
     * @param name its {@code event:}, {@code message} when it had none
     */
    public record Event(String id, String name, String data) {}

    private final class Lines implements Flow.Subscriber<String> {

        private volatile Flow.Subscription subscription;

        private volatile boolean cancelled;

        private String lastId;

        private String name;

        private StringBuilder data;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (cancelled) {
                subscription.cancel();
            } else {
                subscription.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(String line) {
            if (line.isEmpty()) {
                if (data != null) {
                    events.add(new Event(lastId, name != null ? name : "message", data.toString()));
                }
                name = null;
                data = null;
                return;
            }
            if (line.startsWith(":")) {
                comments.incrementAndGet();
                return;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "id" -> lastId = value;
                case "event" -> name = value;
                case "data" -> data = data == null
                        ? new StringBuilder(value)
                        : data.append('\n').append(value);
                default -> {
                    // retry: and unknown fields do not matter here
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
            ended = true;
        }

        @Override
        public void onComplete() {
            ended = true;
        }

        void cancel() {
            cancelled = true;
            Flow.Subscription current = subscription;
            if (current != null) {
                current.cancel();
            }
        }
    }
}
