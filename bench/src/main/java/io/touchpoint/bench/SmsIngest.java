package io.touchpoint.bench;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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
            Admin admin = new Admin(client, gateway, secrets.getProperty("admin-api-key"));
            String tenant = "bench_ingest_" + UUID.randomUUID().toString().substring(0, 8);
            String authToken = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(24));
            String webhook = admin.smsConnection(tenant, authToken);
            AtomicLong published = countInteractions(broker);
            Supplier<HttpRequest> sms = new SignedSms(webhook, authToken, customers);
            LoadGenerator load = new LoadGenerator(client);

            System.out.printf(
                    "sms-ingest: tenant %s, %d customers; saturation = closed loop, %d clients, %d messages;"
                            + " half load = open loop for %d s; %d warm-up messages%n%n",
                    tenant, customers, concurrency, messages, halfLoad.toSeconds(), warmup);
            load.closedLoop(sms, status -> status == 200, warmup, concurrency);
            long before = published.get();
            LatencyStats saturated = load.closedLoop(sms, status -> status == 200, messages, concurrency);
            double rate = saturated.requestsPerSecond() / 2;
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
                System.out.println("errors include 429s if the gateway's webhook rate limit is lower than the load");
            }

            System.out.println();
            double ceiling = BrokerCeiling.measure(amqp, options.getInt("ceiling-seconds", 10));
            System.out.printf(
                    "%nsms-ingest summary: %.0f accepted msg/s, p99 ack %.2f ms at %.0f/s; broker ceiling %.0f msg/s;"
                            + " ratio %.3f%n",
                    saturated.requestsPerSecond(),
                    LatencyStats.millis(half.p99Nanos()),
                    rate,
                    ceiling,
                    ceiling > 0 ? saturated.requestsPerSecond() / ceiling : 0);
        } finally {
            clientThreads.shutdownNow();
        }
    }

    /** Each call: the next Twilio webhook of a random customer, with a fresh MessageSid and Twilio's signature. */
    private record SignedSms(String url, String authToken, int customers) implements Supplier<HttpRequest> {

        @Override
        public HttpRequest get() {
            Map<String, String> params = new TreeMap<>();
            params.put("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""));
            params.put("AccountSid", "ACbench");
            params.put("From", "+1555" + String.format("%07d", random.nextInt(customers)));
            params.put("To", "+14155550100");
            params.put("Body", "Where is my order? It was due yesterday.");
            params.put("NumMedia", "0");
            StringBuilder signed = new StringBuilder(url);
            params.forEach((name, value) -> signed.append(name).append(value));
            String form = params.entrySet().stream()
                    .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                    .collect(Collectors.joining("&"));
            return HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Twilio-Signature", hmacSha1(authToken, signed.toString()))
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build();
        }
    }

    /** The admin API calls that set up the run: a tenant, a key and an SMS connection whose webhook URL is known. */
    private record Admin(HttpClient client, String gateway, String adminKey) {

        String smsConnection(String tenant, String authToken) throws Exception {
            send(
                    "POST",
                    "/v1/admin/tenants",
                    adminKey,
                    "{\"id\": \"%s\", \"name\": \"bench\", \"plan\": \"enterprise\"}".formatted(tenant));
            String key = field(
                    send(
                            "POST",
                            "/v1/admin/tenants/" + tenant + "/api-keys",
                            adminKey,
                            "{\"name\": \"bench\", \"scopes\": [\"channels:admin\"]}"),
                    "secret");
            String created = send(
                    "POST",
                    "/v1/channels/connections",
                    key,
                    """
                    {"kind": "sms", "displayName": "bench", "settings": {"phoneNumber": "+14155550100",
                     "accountSid": "ACbench"}, "secrets": {"authToken": "%s"}}"""
                            .formatted(authToken));
            String id = field(created, "id");
            String webhook = gateway + field(created, "webhookPath");
            // Twilio signs the URL it calls: tell the connection which one that is.
            send(
                    "PATCH",
                    "/v1/channels/connections/" + id,
                    key,
                    "{\"settings\": {\"phoneNumber\": \"+14155550100\", \"accountSid\": \"ACbench\", \"webhookUrl\": \"%s\"}}"
                            .formatted(webhook));
            return webhook;
        }

        private String send(String method, String path, String bearer, String json) throws Exception {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(gateway + path))
                            .timeout(Duration.ofSeconds(10))
                            .header("Authorization", "Bearer " + bearer)
                            .header("Content-Type", "application/json")
                            .method(method, HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(
                        method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }

        private static String field(String json, String name) {
            Matcher matcher =
                    Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
            if (!matcher.find()) {
                throw new IllegalStateException("no " + name + " in " + json);
            }
            return matcher.group(1);
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
                stats.requestsPerSecond(),
                LatencyStats.millis(stats.p50Nanos()),
                LatencyStats.millis(stats.p99Nanos()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String hmacSha1(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }
}
