package io.touchpoint.bench;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.io.Reader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole inbound path, from a customer's SMS to a ticket: signed Twilio webhooks through the gateway to
 * channel-service (verify, dedupe, store, outbox), {@code interaction.received} over RabbitMQ to ticket-service
 * (thread, create the ticket, outbox), and {@code ticket.created} back on the broker, where this scenario listens like
 * a partner would. The latency of an interaction is from sending its webhook to receiving its ticket's
 * {@code ticket.created}: an upper bound of "webhook to persisted ticket", since the event is published after the
 * ticket is stored. N interactions for M customers: each customer's first message creates a ticket, later ones join
 * it (threading by phone number).
 */
final class TicketFlow implements Bench.Scenario {

    /** Warm-up customers are numbered from here, apart from the measured ones. */
    private static final int WARMUP_CUSTOMERS = 5_000_000;

    private static final Pattern REQUESTER =
            Pattern.compile("\"requester\"\\s*:\\s*\\{[^}]*\"value\"\\s*:\\s*\"([^\"]+)\"");

    @Override
    public String description() {
        return "SMS webhook -> channel-service -> RabbitMQ -> ticket-service -> ticket.created: tickets/s and end-to-end"
                + " p50/p99, at saturation and at half of it, with PerfTest's raw rate as the ceiling"
                + " (--gateway=http://127.0.0.1:8080 --secrets=.touchpoint/secrets.properties --interactions=4000"
                + " --customers=4000 --concurrency=32 --seconds=15 --warmup=0 --amqp=amqp://guest:guest@127.0.0.1:5672"
                + " --ceiling-seconds=10 --client=netty --client-threads=1 --pids=.touchpoint/pids"
                + " --rate=<half the saturation> --timeline=false)";
    }

    @Override
    public void run(Options options) throws Exception {
        String gateway = options.get("gateway", "http://127.0.0.1:8080");
        Properties secrets = load(Path.of(options.get("secrets", ".touchpoint/secrets.properties")));
        int interactions = options.getInt("interactions", 4000);
        int customers = Math.min(interactions, options.getInt("customers", interactions));
        int concurrency = options.getInt("concurrency", 32);
        Duration halfLoad = Duration.ofSeconds(options.getInt("seconds", 15));
        int warmup = options.getInt("warmup", 0);
        // The open-loop rate; by default half the saturation throughput.
        int fixedRate = options.getInt("rate", 0);
        boolean timeline = Boolean.parseBoolean(options.get("timeline", "false"));
        String amqp = options.get("amqp", "amqp://guest:guest@127.0.0.1:5672");

        ExecutorService clientThreads = Executors.newFixedThreadPool(Math.max(4, concurrency));
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .executor(clientThreads)
                .build();
        try (Connection broker = connect(amqp);
                RequestLoad load = RequestLoad.fromOptions(options, client)) {
            PlatformAdmin admin = new PlatformAdmin(client, gateway, secrets.getProperty("admin-api-key"));
            String tenant = "bench_flow_" + UUID.randomUUID().toString().substring(0, 8);
            String authToken = SignedSms.newAuthToken();
            String webhook = admin.smsConnection(tenant, authToken);
            Map<String, Long> firstSent = new ConcurrentHashMap<>();
            Map<String, Long> ticketSeen = new ConcurrentHashMap<>();
            listenForTickets(broker, ticketSeen);
            SignedSms sms = new SignedSms(webhook, authToken, null);

            System.out.printf(
                    "ticket-flow: tenant %s; saturation = %d interactions for %d customers, closed loop, %d clients;"
                            + " half load = open loop for %d s, one new customer per interaction; client %s%n%n",
                    tenant, interactions, customers, concurrency, halfLoad.toSeconds(), load.description());

            if (warmup > 0) {
                // Not measured: lets the JIT compile the path (minutes of C2 work per service) before the figures.
                Map<String, Long> warmupSent = new ConcurrentHashMap<>();
                AtomicInteger warmupNext = new AtomicInteger(WARMUP_CUSTOMERS);
                long warmupStarted = System.nanoTime();
                load.closedLoop(
                        webhooks(sms, warmupNext::getAndIncrement, warmupSent),
                        status -> status == 200,
                        warmup,
                        concurrency);
                Result warm = awaitTickets(warmupSent, ticketSeen, warmupStarted);
                System.out.printf("warm-up: %d of %d tickets, not measured%n", warm.arrived(), warm.expected());
            }

            PlatformCpu cpu = PlatformCpu.of(Path.of(options.get("pids", ".touchpoint/pids")));
            cpu.start();
            // Saturation: interaction i comes from customer i mod M, so the first M create tickets.
            AtomicInteger next = new AtomicInteger();
            long started = System.nanoTime();
            LatencyStats accepted = load.closedLoop(
                    webhooks(sms, () -> next.getAndIncrement() % customers, firstSent),
                    status -> status == 200,
                    interactions,
                    concurrency);
            Result saturated = awaitTickets(firstSent, ticketSeen, started);
            print("saturated", accepted, saturated);

            // Half load: one new customer per interaction, sent at half the rate tickets were created above.
            double rate = fixedRate > 0 ? fixedRate : Math.max(1, saturated.ticketsPerSecond() / 2);
            Map<String, Long> halfSent = new ConcurrentHashMap<>();
            AtomicInteger fresh = new AtomicInteger(customers);
            long halfStarted = System.nanoTime();
            LatencyStats halfAccepted = load.openLoop(
                    webhooks(sms, fresh::getAndIncrement, halfSent), status -> status == 200, rate, halfLoad);
            Result half = awaitTickets(halfSent, ticketSeen, halfStarted);
            print(String.format("%.0f/s", rate), halfAccepted, half);
            if (timeline) {
                printTimeline(halfSent, ticketSeen, halfStarted);
            }
            System.out.println();
            cpu.print(interactions + halfSent.size(), "interaction");

            System.out.println();
            double ceiling = BrokerCeiling.measure(amqp, options.getInt("ceiling-seconds", 10));
            System.out.printf(
                    "%nticket-flow summary: %.0f tickets/s at saturation (webhooks accepted %.0f/s); at %.0f/s"
                            + " end-to-end p50 %.1f ms, p99 %.1f ms; broker ceiling %.0f msg/s; ratio %.3f%n",
                    saturated.ticketsPerSecond(),
                    accepted.okPerSecond(),
                    rate,
                    LatencyStats.millis(half.p50Nanos()),
                    LatencyStats.millis(half.p99Nanos()),
                    ceiling,
                    ceiling > 0 ? saturated.ticketsPerSecond() / ceiling : 0);
        } finally {
            clientThreads.shutdownNow();
        }
    }

    /**
     * One SMS webhook per call, from the customer {@code customer} numbers next, noting when each customer was first
     * sent to (the start of the end-to-end latency to its ticket).
     */
    private static Supplier<HttpRequest> webhooks(SignedSms sms, IntSupplier customer, Map<String, Long> firstSent) {
        return () -> {
            String phone = SignedSms.phone(customer.getAsInt());
            firstSent.putIfAbsent(phone, System.nanoTime());
            return sms.request(phone);
        };
    }

    /** End-to-end figures of one phase: tickets that arrived, over how long, and their latencies. */
    private record Result(int expected, int arrived, double seconds, long p50Nanos, long p99Nanos) {

        double ticketsPerSecond() {
            return seconds > 0 ? arrived / seconds : 0;
        }
    }

    /** Waits (up to 60 s after the last send) until every customer sent to has a ticket; then computes the figures. */
    private static Result awaitTickets(Map<String, Long> sent, Map<String, Long> seen, long started) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && !sent.keySet().stream().allMatch(seen::containsKey)) {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        long[] latencies = sent.entrySet().stream()
                .filter(e -> seen.containsKey(e.getKey()))
                .mapToLong(e -> seen.get(e.getKey()) - e.getValue())
                .sorted()
                .toArray();
        long last = sent.keySet().stream()
                .filter(seen::containsKey)
                .mapToLong(seen::get)
                .max()
                .orElse(started);
        return new Result(
                sent.size(),
                latencies.length,
                (last - started) / 1e9,
                LatencyStats.percentile(latencies, 50),
                LatencyStats.percentile(latencies, 99));
    }

    private static void print(String label, LatencyStats accepted, Result result) {
        System.out.printf(
                "%-10s webhooks %d (%d errors, %.0f/s, ack p99 %.1f ms); tickets %d of %d in %.1f s = %.0f/s;"
                        + " end-to-end p50 %.1f ms, p99 %.1f ms%n",
                label,
                accepted.requests(),
                accepted.errors(),
                accepted.okPerSecond(),
                LatencyStats.millis(accepted.p99Nanos()),
                result.arrived(),
                result.expected(),
                result.seconds(),
                result.ticketsPerSecond(),
                LatencyStats.millis(result.p50Nanos()),
                LatencyStats.millis(result.p99Nanos()));
    }

    /**
     * The half-load run second by second (by when each webhook was sent): how many interactions, their end-to-end
     * p50 and the slowest. A p99 above the p50 by far comes either from a few stalls (one bad second) or from a queue
     * that builds up (every second worse): this tells which.
     */
    private static void printTimeline(Map<String, Long> sent, Map<String, Long> seen, long started) {
        Map<Long, List<Long>> bySecond = new TreeMap<>();
        sent.forEach((customer, at) -> {
            Long arrived = seen.get(customer);
            if (arrived != null) {
                bySecond.computeIfAbsent((at - started) / 1_000_000_000L, second -> new ArrayList<>())
                        .add(arrived - at);
            }
        });
        System.out.println("  second  interactions  end-to-end p50 ms  max ms");
        bySecond.forEach((second, latencies) -> {
            LatencyStats stats = LatencyStats.of(
                    latencies.stream().mapToLong(Long::longValue).toArray(), new Errors(), Duration.ofSeconds(1));
            System.out.printf(
                    "  %6d  %12d  %17.1f  %6.1f%n",
                    second,
                    stats.requests(),
                    LatencyStats.millis(stats.p50Nanos()),
                    LatencyStats.millis(stats.maxNanos()));
        });
    }

    /** Records when each customer's {@code ticket.created} arrives, keyed by the requester's phone number. */
    private static void listenForTickets(Connection broker, Map<String, Long> seen) throws IOException {
        Channel channel = broker.createChannel();
        String queue = "bench.ticket-flow." + UUID.randomUUID();
        channel.exchangeDeclare("touchpoint.ticket", "topic", true);
        channel.queueDeclare(queue, false, true, true, null);
        channel.queueBind(queue, "touchpoint.ticket", "ticket.created");
        channel.basicConsume(
                queue,
                true,
                (tag, delivery) -> {
                    Matcher requester = REQUESTER.matcher(new String(delivery.getBody(), StandardCharsets.UTF_8));
                    if (requester.find()) {
                        seen.putIfAbsent(requester.group(1), System.nanoTime());
                    }
                },
                tag -> {});
    }

    private static Connection connect(String uri) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(uri);
        return factory.newConnection("bench-ticket-flow");
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }
}
