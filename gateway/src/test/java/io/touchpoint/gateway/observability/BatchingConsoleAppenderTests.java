package io.touchpoint.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class BatchingConsoleAppenderTests {

    private final LoggerContext context = new LoggerContext();
    private final BatchingConsoleAppender appender = new BatchingConsoleAppender();
    private final Logger log = context.getLogger("access");

    BatchingConsoleAppenderTests() {
        context.setMDCAdapter(new LogbackMDCAdapter());
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%msg%n");
        encoder.start();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setQueueSize(4);
        appender.setFlushInterval(20);
        appender.start();
        log.setLevel(Level.INFO);
        log.setAdditive(false);
        log.addAppender(appender);
    }

    @AfterEach
    void stop() {
        appender.stop();
    }

    @Test
    void lineReachesTheConsoleWithoutTheAppenderBeingStopped(CapturedOutput output) {
        log.info("GET /v1/tickets status={}", 200);

        await().atMost(Duration.ofSeconds(5)).until(() -> output.getOut().contains("GET /v1/tickets status=200\n"));
    }

    @Test
    void everyLineIsWrittenOnceAndInOrderThoughTheQueueHoldsFour(CapturedOutput output) {
        IntStream.range(0, 1_000).forEach(line -> log.info("line {}", line));
        appender.stop();

        List<String> lines = output.getOut().lines().toList();
        assertThat(lines)
                .containsExactlyElementsOf(IntStream.range(0, 1_000)
                        .mapToObj(line -> "line " + line)
                        .toList());
    }

    @Test
    void stoppingWritesWhatIsStillQueued(CapturedOutput output) {
        appender.setFlushInterval(60_000);
        appender.stop();
        appender.start();

        log.info("last words");
        appender.stop();

        assertThat(output.getOut()).isEqualTo("last words\n");
    }
}
