package io.touchpoint.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What the gateway costs: the same health endpoint of each service, called directly and through the gateway
 * ({@code /health/<area>}), with the same number of requests and concurrency.
 */
final class HealthLatency implements Bench.Scenario {

    /** area in the gateway path, and the service's own port. */
    private record Target(String area, String service, int port) {}

    private static final List<Target> TARGETS = List.of(
            new Target("profiles", "profile-service", 8081),
            new Target("channels", "channel-service", 8082),
            new Target("tickets", "ticket-service", 8083),
            new Target("feedback", "feedback-service", 8084));

    @Override
    public String description() {
        return "latency and throughput of /health/* through the gateway vs. directly "
                + "(--requests=2000 --concurrency=8 --warmup=200 --gateway=http://127.0.0.1:8080 "
                + "--direct-path=/actuator/health --areas=profiles,channels,tickets,feedback)";
    }

    @Override
    public void run(Options options) throws Exception {
        int requests = options.getInt("requests", 2000);
        int concurrency = options.getInt("concurrency", 8);
        int warmup = options.getInt("warmup", 200);
        String gateway = options.get("gateway", "http://127.0.0.1:8080");
        String directPath = options.get("direct-path", "/actuator/health");
        List<String> areas = List.of(
                options.get("areas", "profiles,channels,tickets,feedback").split(","));
        ExecutorService clientThreads = Executors.newFixedThreadPool(Math.max(2, concurrency));
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .executor(clientThreads)
                .build();
        try {
            runAll(client, requests, concurrency, warmup, gateway, directPath, areas);
        } finally {
            clientThreads.shutdownNow();
        }
    }

    private static void runAll(
            HttpClient client,
            int requests,
            int concurrency,
            int warmup,
            String gateway,
            String directPath,
            List<String> areas)
            throws Exception {

        System.out.printf(
                "health: %d requests per target, concurrency %d, %d warm-up requests each%n%n",
                requests, concurrency, warmup);
        System.out.printf(
                "%-18s %-9s %-38s %8s %7s %9s %8s %8s%n",
                "service", "via", "url", "requests", "errors", "ok/s", "p50 ms", "p99 ms");
        for (Target target : TARGETS) {
            if (!areas.contains(target.area())) {
                continue;
            }
            URI direct = URI.create("http://127.0.0.1:" + target.port() + directPath);
            URI viaGateway = URI.create(gateway + "/health/" + target.area());
            measure(client, direct, warmup, concurrency);
            LatencyStats directStats = measure(client, direct, requests, concurrency);
            print(target.service(), "direct", direct, directStats);
            measure(client, viaGateway, warmup, concurrency);
            LatencyStats gatewayStats = measure(client, viaGateway, requests, concurrency);
            print(target.service(), "gateway", viaGateway, gatewayStats);
            System.out.printf(
                    "%-18s gateway/direct: throughput %.2fx, p50 %.2fx, p99 %.2fx%n%n",
                    "",
                    ratio(gatewayStats.okPerSecond(), directStats.okPerSecond()),
                    ratio(gatewayStats.p50Nanos(), directStats.p50Nanos()),
                    ratio(gatewayStats.p99Nanos(), directStats.p99Nanos()));
        }
    }

    private static LatencyStats measure(HttpClient client, URI uri, int requests, int concurrency) throws Exception {
        HttpRequest request =
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
        return new LoadGenerator(client).closedLoop(() -> request, status -> status < 400, requests, concurrency);
    }

    private static void print(String service, String via, URI uri, LatencyStats stats) {
        System.out.printf(
                "%-18s %-9s %-38s %8d %7d %9.0f %8.2f %8.2f%n",
                service,
                via,
                uri,
                stats.requests(),
                stats.errors(),
                stats.okPerSecond(),
                LatencyStats.millis(stats.p50Nanos()),
                LatencyStats.millis(stats.p99Nanos()));
    }

    private static double ratio(double value, double base) {
        return base == 0 ? 0 : value / base;
    }
}
