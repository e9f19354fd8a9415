package io.touchpoint.bench;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.io.Reader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Inbound SMS at load: Twilio-format webhooks, signed with {@code X-Twilio-Signature} as Twilio signs them, posted
 * through the gateway to channel-service, which verifies, dedupes, stores and answers, then publishes
 * {@code interaction.received} through its outbox. Measures accepted messages/s (closed loop) and acknowledgement
 * latency at half of that rate (open loop), counts the events that reach the broker, and runs RabbitMQ PerfTest in
 * the same run as the ceiling.
 */
final class SmsIngest implements Bench.Scenario {

    private static final SecureRandom random = new SecureRandom();

    @Override
    public String description() {
        return "signed Twilio SMS webhooks through the gateway: accepted/s, p50/p99 ack latency at half load, events"
                + " published, and PerfTest's raw rate as the ceiling (--gateway=http://127.0.0.1:8080"
                + " --secrets=.touchpoint/secrets.properties --messages=6000 --customers=500 --concurrency=32"
                + " --seconds=15 --warmup=1000 --amqp=amqp://guest:guest@127.0.0.1:5672 --ceiling-seconds=10)";
    }

    @Override
    public void run(Options options) throws Exception {
        String gateway = options.get("gateway", "http://127.0.0.1:8080");
        Properties secrets = load(Path.of(options.get("secrets", ".touchpoint/secrets.properties")));
        int messages = options.getInt("messages", 6000);
        int customers = options.getInt("customers", 500);
        int concurrency = options.getInt("concurrency", 32);
        int warmup = options.getInt("warmup", 1000);
        Duration halfLoad = Duration.ofSeconds(options.getInt("seconds", 15));
        String amqp = options.get("amqp", "amqp://guest:guest@127.0.0.1:5672");

        ExecutorService clientThreads = Executors.newFixedThreadPool(Math.max(4, concurrency));
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .executor(clientThreads)
                .build();
        try (Connection broker = connect(amqp)) {
            PlatformAdmin admin = new PlatformAdmin(client, gateway, secrets.getProperty("admin-api-key"));
            String tenant = "bench_ingest_" + UUID.randomUUID().toString().substring(0, 8);
            String authToken = SignedSms.newAuthToken();
            String webhook = admin.smsConnection(tenant, authToken);
            AtomicLong published = countInteractions(broker);
            Supplier<HttpRequest> sms =
                    new SignedSms(webhook, authToken, () -> SignedSms.phone(random.nextInt(customers)));
            LoadGenerator load = new LoadGenerator(client);

            System.out.printf(
                    "sms-ingest: tenant %s, %d customers; saturation = closed loop, %d clients, %d messages;"
                            + " half load = open loop for %d s; %d warm-up messages%n%n",
                    tenant, customers, concurrency, messages, halfLoad.toSeconds(), warmup);
            load.closedLoop(sms, status -> status == 200, warmup, concurrency);
            long before = published.get();
            LatencyStats saturated = load.closedLoop(sms, status -> status == 200, messages, concurrency);
            double rate = saturated.okPerSecond() / 2;
            LatencyStats half = load.openLoop(sms, status -> status == 200, rate, halfLoad);
            long sent = saturated.requests() + half.requests() - saturated.errors() - half.errors();
            long waitedFrom = System.nanoTime();
            while (published.get() - before < sent && System.nanoTime() - waitedFrom < 30_000_000_000L) {
                Thread.sleep(100); // the relay publishes after the answers; give it time to catch up
            }
            double relayLag = (System.nanoTime() - waitedFrom) / 1e9;

            System.out.printf("%-24s %8s %7s %9s %8s %8s%n", "", "messages", "errors", "msg/s", "p50 ms", "p99 ms");
            print("accepted, saturated", saturated);
            print(String.format("accepted, %.0f/s", rate), half);
            System.out.printf(
                    "interaction.received published: %d of %d accepted (outbox caught up %.1f s after the last answer)%n",
                    published.get() - before, sent, relayLag);
            if (saturated.errors() + half.errors() > 0) {
                // 429s when the gateway's webhook rate limit is lower than the load.
                System.out.printf(
                        "errors: saturated %s; %.0f/s %s%n",
                        saturated.errorsByStatus().describe(),
                        rate,
                        half.errorsByStatus().describe());
            }

            System.out.println();
            double ceiling = BrokerCeiling.measure(amqp, options.getInt("ceiling-seconds", 10));
            System.out.printf(
                    "%nsms-ingest summary: %.0f accepted msg/s, p99 ack %.2f ms at %.0f/s; broker ceiling %.0f msg/s;"
                            + " ratio %.3f%n",
                    saturated.okPerSecond(),
                    LatencyStats.millis(half.p99Nanos()),
                    rate,
                    ceiling,
                    ceiling > 0 ? saturated.okPerSecond() / ceiling : 0);
        } finally {
            clientThreads.shutdownNow();
        }
    }

    /** Counts {@code interaction.received} events on the broker, as a consumer bound by a partner would see them. */
    private static AtomicLong countInteractions(Connection broker) throws IOException {
        AtomicLong count = new AtomicLong();
        Channel channel = broker.createChannel();
        String queue = "bench.sms-ingest." + UUID.randomUUID();
        channel.exchangeDeclare("touchpoint.channel", "topic", true);
        channel.queueDeclare(queue, false, true, true, null);
        channel.queueBind(queue, "touchpoint.channel", "interaction.received");
        channel.basicConsume(queue, true, (tag, delivery) -> count.incrementAndGet(), tag -> {});
        return count;
    }

    private static Connection connect(String uri) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(uri);
        return factory.newConnection("bench-sms-ingest");
    }

    private static void print(String label, LatencyStats stats) {
        System.out.printf(
                "%-24s %8d %7d %9.0f %8.2f %8.2f%n",
                label,
                stats.requests(),
                stats.errors(),
                stats.okPerSecond(),
                LatencyStats.millis(stats.p50Nanos()),
                LatencyStats.millis(stats.p99Nanos()));
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }
}
