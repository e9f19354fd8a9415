package io.touchpoint.bench;

import com.rabbitmq.perf.PerfTest;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ceiling no Touchpoint flow can beat: raw publish → consume rate of the broker on this machine, measured with
 * RabbitMQ's own PerfTest (one producer, one consumer, a temporary auto-delete queue).
 */
final class BrokerCeiling implements Bench.Scenario {

    @Override
    public String description() {
        return "raw RabbitMQ publish->consume rate with PerfTest "
                + "(--uri=amqp://guest:guest@127.0.0.1:5672 --seconds=10 --size=1000 --producers=1 --consumers=1 "
                + "--confirm=0 to publish without confirms, N for at most N unconfirmed)";
    }

    @Override
    public void run(Options options) throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "--uri", options.get("uri", "amqp://guest:guest@127.0.0.1:5672"),
                "--producers", options.get("producers", "1"),
                "--consumers", options.get("consumers", "1"),
                "--time", options.get("seconds", "10"),
                "--size", options.get("size", "1000")));
        int confirm = options.getInt("confirm", 0);
        if (confirm > 0) {
            args.addAll(List.of("--confirm", Integer.toString(confirm)));
        }
        perfTest(args);
    }

    /**
     * One PerfTest run with the defaults (1 producer, 1 consumer, 1 kB messages, no confirms) for another scenario's
     * ceiling.
     *
     * @return the average receiving rate, msg/s
     */
    static double measure(String uri, int seconds) throws Exception {
        String output = perfTest(new ArrayList<>(List.of(
                "--uri",
                uri,
                "--producers",
                "1",
                "--consumers",
                "1",
                "--time",
                Integer.toString(seconds),
                "--size",
                "1000")));
        Matcher received = Pattern.compile("receiving rate avg: (\\d+)").matcher(output);
        return received.find() ? Double.parseDouble(received.group(1)) : 0;
    }

    /** Runs PerfTest on a temporary queue, echoing its output, and returns that output. */
    private static String perfTest(List<String> args) throws Exception {
        args.addAll(List.of(
                "--queue", "touchpoint-bench-" + UUID.randomUUID(), "--auto-delete", "true", "--id", "broker-ceiling"));
        System.out.println("broker-ceiling: PerfTest " + String.join(" ", args));

        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream console = new PrintStream(new TeeOutputStream(System.out, captured), true, StandardCharsets.UTF_8);
        AtomicInteger exitStatus = new AtomicInteger();
        PerfTest.main(
                args.toArray(String[]::new),
                new PerfTest.PerfTestOptions()
                        .setSystemExiter(exitStatus::set)
                        .setSkipSslContextConfiguration(false)
                        .setConsoleOut(console)
                        .setConsoleErr(System.err));

        String output = captured.toString(StandardCharsets.UTF_8);
        System.out.println();
        System.out.println("broker-ceiling summary:");
        output.lines()
                .filter(line -> line.contains("rate avg") || line.contains("latency"))
                .filter(line -> line.contains("broker-ceiling") && !line.contains(", time "))
                .map(line ->
                        "  " + line.substring(line.indexOf("broker-ceiling")).trim())
                .forEach(System.out::println);
        if (exitStatus.get() != 0) {
            System.out.println("PerfTest exited with status " + exitStatus.get());
        }
        return output;
    }

    /** Writes to two streams: the console, and a buffer the summary is read from. */
    private static final class TeeOutputStream extends OutputStream {

        private final OutputStream first;

        private final OutputStream second;

        TeeOutputStream(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws java.io.IOException {
            first.write(bytes, offset, length);
            second.write(bytes, offset, length);
        }

        @Override
        public void flush() throws java.io.IOException {
            first.flush();
            second.flush();
        }
    }
}
