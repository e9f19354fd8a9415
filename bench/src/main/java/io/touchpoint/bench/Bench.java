package io.touchpoint.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Touchpoint's load harness. Prints figures; never asserts them (benchmarks are not tests).
 *
 * <pre>
 * java -jar bench/target/bench-0.1.0-SNAPSHOT.jar &lt;scenario&gt; [--option=value ...]
 * </pre>
 *
 * <p>A scenario that loads the platform runs in a second JVM with C1 only, unless the JVM was started with a
 * {@code -XX:TieredStopAtLevel} of its own.
 */
public final class Bench {

    private static final Map<String, Scenario> SCENARIOS = Map.of(
            "broker-ceiling",
            new BrokerCeiling(),
            "health",
            new HealthLatency(),
            "memory-stand-in",
            new MemoryStandIn(),
            "gateway",
            new GatewayOverhead(),
            "sms-ingest",
            new SmsIngest(),
            "stand-in-file",
            new StandInFile(),
            "ticket-flow",
            new TicketFlow());

    /**
     * The scenarios that load the platform on the machine they measure. Their JVM runs with C1 only: C2 compiling the
     * load generator for minutes took CPU from the processes under measurement (ticket-flow on 2 cores: 2.9 ms of the
     * load generator's CPU per interaction with C2, 1.1 ms with C1). RabbitMQ's PerfTest, which ticket-flow and
     * sms-ingest run in the same JVM for the broker ceiling, is bound by the broker: 6,300-7,700 msg/s with C2, 6,400-7,000
     * with C1, in alternate runs.
     *
     * <p>Not {@code gateway}: it warms both paths up before it measures, so C2 has compiled the client by then. With C1
     * the client took ~130 µs of CPU per request, with C2 ~70 µs; on cores it shares with the service and the gateway,
     * a costlier client hides more of the gateway's cost (2026-11-24: ratio 0.72x with C1, 0.58-0.63x with C2).
     */
    private static final Set<String> LOAD_GENERATORS = Set.of("health", "sms-ingest", "ticket-flow");

    private static final String JIT_OPTION = "-XX:TieredStopAtLevel=";

    private Bench() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !SCENARIOS.containsKey(args[0])) {
            System.err.println("usage: bench <scenario> [--option=value ...]");
            SCENARIOS.forEach((name, scenario) -> System.err.printf("  %-15s %s%n", name, scenario.description()));
            System.exit(2);
        }
        if (LOAD_GENERATORS.contains(args[0]) && !jitChosen() && runFromJar()) {
            System.exit(runWithC1(args));
        }
        Options options = Options.parse(Arrays.copyOfRange(args, 1, args.length));
        int status = 0;
        try {
            SCENARIOS.get(args[0]).run(options);
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        // A scenario that failed half-way may leave its client threads behind: the run is over all the same.
        System.exit(status);
    }

    /** Whether the JVM was started with a JIT choice ({@code -XX:TieredStopAtLevel=4} measures with C2). */
    private static boolean jitChosen() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(option -> option.startsWith(JIT_OPTION));
    }

    private static boolean runFromJar() {
        return System.getProperty("java.class.path", "").endsWith(".jar");
    }

    /** Runs this jar again, with the same JVM options and C1 only, and returns its exit status. */
    private static int runWithC1(String[] args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add(JIT_OPTION + "1");
        command.add("-jar");
        command.add(System.getProperty("java.class.path"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    /** One measurement. */
    interface Scenario {

        String description();

        void run(Options options) throws Exception;
    }
}
