package io.touchpoint.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A server-sent event stream opened through the gateway, read line by line. A read that waits longer than
 * {@link #READ_TIMEOUT} for its line hangs up and fails, so a stream that stalls fails the test instead of hanging it.
 */
final class EventStream implements AutoCloseable {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(20);

    private final HttpResponse<InputStream> response;

    private final BufferedReader reader;

    private final List<String> lines = new CopyOnWriteArrayList<>();

    EventStream(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    }

    int status() {
        return response.statusCode();
    }

    Optional<String> header(String name) {
        return response.headers().firstValue(name);
    }

    /** Asserts the stream is open: 200 and {@code text/event-stream}. */
    EventStream assertOpen() {
        assertThat(status()).isEqualTo(200);
        assertThat(header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        return this;
    }

    /** Reads until a line contains {@code text} and returns every line read so far, that one last. */
    List<String> readUntil(String text) {
        CompletableFuture<List<String>> read = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.add(line);
                    if (line.contains(text)) {
                        return List.copyOf(lines);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            throw new AssertionError("the stream ended before a line with '" + text + "': " + lines);
        });
        try {
            return read.get(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            close();
            throw new AssertionError("no line with '" + text + "' within " + READ_TIMEOUT + ": " + lines);
        } catch (ExecutionException e) {
            throw new AssertionError("reading the stream failed: " + lines, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            // hanging up: nothing left to read
        }
    }
}
