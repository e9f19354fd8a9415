package io.touchpoint.bench;

import java.util.Arrays;
import java.util.Map;

/**
 * Touchpoint's load harness. Prints figures; never asserts them (benchmarks are not tests).
 *
 * <pre>
 * java -jar bench/target/bench-0.1.0-SNAPSHOT.jar &lt;scenario&gt; [--option=value ...]
 * </pre>
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

    private Bench() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !SCENARIOS.containsKey(args[0])) {
            System.err.println("usage: bench <scenario> [--option=value ...]");
            SCENARIOS.forEach((name, scenario) -> System.err.printf("  %-15s %s%n", name, scenario.description()));
            System.exit(2);
        }
        Options options = Options.parse(Arrays.copyOfRange(args, 1, args.length));
        SCENARIOS.get(args[0]).run(options);
    }

    /** One measurement. */
    interface Scenario {

        String description();

        void run(Options options) throws Exception;
    }
}
