package io.touchpoint.bench;

import io.touchpoint.tenancy.TenantContext;
import io.touchpoint.tenancy.TenantContextSigner;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * What the gateway costs an API call, in one run: the saturation throughput of ticket-service called directly
 * (closed loop) and through the gateway, then latency at half that load (open loop, fixed rate) on both paths.
 * Two calls: an authenticated {@code GET /v1/tickets/<missing>} (a 404 problem from the service; through the
 * gateway: API key check, tenant context signing, rate limit, circuit breaker) and the service's health.
 */
final class GatewayOverhead implements Bench.Scenario {

    /** One call measured on both paths. */
    private record Pair(String name, Supplier<HttpRequest> direct, Supplier<HttpRequest> viaGateway, IntPredicate ok) {}

    @Override
    public String description() {
        return "throughput and p50/p99 through the gateway vs. ticket-service directly, at saturation and at half of it"
                + " (--gateway=http://127.0.0.1:8080 --direct=http://127.0.0.1:8083 --concurrency=32"
                + " --saturation-requests=6000 --seconds=15 --warmup=1000 --secrets=.touchpoint/secrets.properties"
                + " --calls=api,health --path=/v1/tickets/tkt_bench_missing --status=404 --plan=standard"
                + " --client=netty --client-threads=1 --pids=.touchpoint/pids --rate=<half the direct saturation>"
                + " --gateway-cpus=0 (N: the gateway on N CPUs of its own, the rest of the platform on the others)"
                + " --proxy=<pid>: another reverse proxy to ticket-service at --gateway, sent the direct path's"
                + " signed tenant context, whose CPU is read from that process)";
    }

    @Override
    public void run(Options options) throws Exception {
        String gateway = options.get("gateway", "http://127.0.0.1:8080");
        String direct = options.get("direct", "http://127.0.0.1:8083");
        int concurrency = options.getInt("concurrency", 32);
        int saturationRequests = options.getInt("saturation-requests", 6000);
        Duration halfLoadDuration = Duration.ofSeconds(options.getInt("seconds", 15));
        int warmup = options.getInt("warmup", 1000);
        // The open-loop rate; by default half the direct saturation throughput.
        int fixedRate = options.getInt("rate", 0);
        List<String> calls = List.of(options.get("calls", "api,health").split(","));
        Properties secrets = load(Path.of(options.get("secrets", ".touchpoint/secrets.properties")));

        String apiKey = secrets.getProperty("demo-api-key");
        TenantContextSigner signer = TenantContextSigner.fromSecret(
                secrets.getProperty("tenant-context-key"), Duration.ofSeconds(30), Clock.systemUTC());
        TenantContext demo = new TenantContext("demo", "key_bench", Set.of("tickets:read"));
        // The API call: by default a ticket that does not exist (the service's cheapest authenticated answer, so the
        // gateway's share is the largest); --path/--status measure any other GET of the demo tenant's.
        String ticketPath = options.get("path", "/v1/tickets/tkt_bench_missing");
        int ticketStatus = options.getInt("status", 404);

        // --proxy: what a plain reverse proxy in the gateway's place costs (a floor for the gateway's figures). It
        // authenticates nobody, so it is sent what the direct path is, and the rate limits are left alone.
        long proxyPid = options.getInt("proxy", 0);
        int gatewayCpus = options.getInt("gateway-cpus", 0);
        if (proxyPid != 0 && gatewayCpus > 0) {
            throw new IllegalArgumentException("--gateway-cpus pins the platform's gateway, not a --proxy");
        }
        Function<String, HttpRequest> signed = base -> get(base + ticketPath)
                .header(TenantContextSigner.HEADER, signer.sign(demo))
                .build();
        Supplier<HttpRequest> viaGateway = proxyPid == 0
                ? () -> get(gateway + ticketPath)
                        .header("Authorization", "Bearer " + apiKey)
                        .build()
                : () -> signed.apply(gateway);
        List<Pair> pairs = List.of(
                new Pair("api", () -> signed.apply(direct), viaGateway, status -> status == ticketStatus),
                new Pair(
                        "health",
                        () -> get(direct + "/actuator/health").build(),
                        () -> get(gateway + (proxyPid == 0 ? "/health/tickets" : "/actuator/health"))
                                .build(),
                        status -> status == 200));

        ExecutorService clientThreads = Executors.newFixedThreadPool(Math.max(4, concurrency));
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .executor(clientThreads)
                .build();
        // The measured load goes through the lean client unless --client=jdk (the JDK client, as before) is asked for.
        RequestLoad load = RequestLoad.fromOptions(options, client);
        Path pids = Path.of(options.get("pids", ".touchpoint/pids"));
        Optional<ProcessCpu> gatewayProcess = proxyPid == 0
                ? ProcessCpu.fromPidFile(pids.resolve("gateway.pid"), "gateway")
                : Optional.of(new ProcessCpu(proxyPid, "proxy"));
        Optional<ProcessCpu> serviceProcess =
                ProcessCpu.fromPidFile(pids.resolve("ticket-service.pid"), "ticket-service");
        String plan = options.get("plan", "standard");
        String adminKey = secrets.getProperty("admin-api-key", apiKey);
        Optional<Runnable> putPlanBack =
                proxyPid == 0 ? liftRateLimit(client, gateway, adminKey, plan) : Optional.empty();
        Optional<CpuPinning> pinning = Optional.empty();
        PlatformHeaps heaps = PlatformHeaps.of(pids);
        System.out.printf(
                "gateway: saturation = closed loop, %d clients, %d requests; half load = open loop for %d s; "
                        + "%d warm-up requests per path; client %s; the platform's heaps collected before the"
                        + " warm-up%n%n",
                concurrency, saturationRequests, halfLoadDuration.toSeconds(), warmup, load.description());
        if (proxyPid != 0) {
            System.out.printf(
                    "\"gateway\" below: the proxy at %s (pid %d), in the gateway's place%n%n", gateway, proxyPid);
        }
        try {
            if (gatewayCpus > 0) {
                pinning = Optional.of(CpuPinning.gatewayApart(pids, gatewayCpus));
                System.out.printf("CPUs: %s%n%n", pinning.get().layout());
            }
            for (Pair pair : pairs) {
                if (calls.contains(pair.name())) {
                    measure(
                            load,
                            pair,
                            concurrency,
                            saturationRequests,
                            halfLoadDuration,
                            fixedRate,
                            warmup,
                            gatewayProcess,
                            serviceProcess,
                            heaps);
                }
            }
        } finally {
            pinning.ifPresent(CpuPinning::close);
            putPlanBack.ifPresent(Runnable::run);
            clientThreads.shutdownNow();
            load.close();
        }
    }

    /**
     * The demo tenant's plan would answer most of the load with 429 (the rate limiter doing its job): lift it for the
     * run through the admin API, returning what puts it back. Requests without a key (health) stay limited per
     * client IP; raise {@code touchpoint.gateway.rate-limits.public-policy} when starting the gateway to measure them.
     */
    private static Optional<Runnable> liftRateLimit(HttpClient client, String gateway, String apiKey, String plan)
            throws Exception {
        String uri = gateway + "/v1/admin/plans/" + plan;
        HttpResponse<String> current =
                client.send(plan(uri, apiKey).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (current.statusCode() != 200) {
            System.out.printf(
                    "(could not read plan '%s': %d; rate limits left as they are)%n", plan, current.statusCode());
            return Optional.empty();
        }
        // A plan running on its configured limits goes back to them (DELETE), not to an override that would hide
        // later changes of the configuration; an overridden one gets its override back (the plan as read: its key
        // limits too).
        Optional<String> previous =
                current.body().contains("\"overridden\":true") ? Optional.of(current.body()) : Optional.empty();
        int lifted = send(
                client,
                plan(uri, apiKey)
                        .PUT(HttpRequest.BodyPublishers.ofString(
                                "{\"replenishRate\":1000000,\"burstCapacity\":1000000}"))
                        .build());
        System.out.printf(
                "plan '%s' lifted to 1000000/s for the run (%d); afterwards back to %s%n",
                plan, lifted, previous.orElse("its configured limits"));
        return Optional.of(() -> restoreRateLimit(client, uri, apiKey, plan, previous));
    }

    private static void restoreRateLimit(
            HttpClient client, String uri, String apiKey, String plan, Optional<String> override) {
        HttpRequest.Builder request = plan(uri, apiKey);
        try {
            send(
                    client,
                    override.map(limits -> request.PUT(HttpRequest.BodyPublishers.ofString(limits)))
                            .orElseGet(request::DELETE)
                            .build());
        } catch (Exception e) {
            System.out.printf("could not put plan '%s' back: %s%n", plan, e);
        }
    }

    private static HttpRequest.Builder plan(String uri, String apiKey) {
        return HttpRequest.newBuilder(URI.create(uri))
                .timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json");
    }

    private static int send(HttpClient client, HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void measure(
            RequestLoad load,
            Pair pair,
            int concurrency,
            int saturationRequests,
            Duration halfLoad,
            int fixedRate,
            int warmup,
            Optional<ProcessCpu> gatewayProcess,
            Optional<ProcessCpu> serviceProcess,
            PlatformHeaps heaps)
            throws Exception {
        // Before the warm-up: a full collection can unload classes and flush compiled code, whose recompiling would
        // otherwise land in the first measured pass.
        heaps.collect();
        load.closedLoop(pair.direct(), pair.ok(), warmup, concurrency);
        load.closedLoop(pair.viaGateway(), pair.ok(), warmup, concurrency);

        CpuMeter directCpu = CpuMeter.start(serviceProcess, gatewayProcess);
        LatencyStats directSaturated = load.closedLoop(pair.direct(), pair.ok(), saturationRequests, concurrency);
        double[] directMicros = directCpu.microsPerRequest(saturationRequests);
        CpuMeter gatewayCpu = CpuMeter.start(serviceProcess, gatewayProcess);
        LatencyStats gatewaySaturated = load.closedLoop(pair.viaGateway(), pair.ok(), saturationRequests, concurrency);
        double[] gatewayMicros = gatewayCpu.microsPerRequest(saturationRequests);
        double rate = fixedRate > 0 ? fixedRate : directSaturated.okPerSecond() / 2;
        LatencyStats directHalf = load.openLoop(pair.direct(), pair.ok(), rate, halfLoad);
        LatencyStats gatewayHalf = load.openLoop(pair.viaGateway(), pair.ok(), rate, halfLoad);

        System.out.printf(
                "%-7s %-22s %8s %7s %9s %8s %8s%n", pair.name(), "", "requests", "errors", "ok/s", "p50 ms", "p99 ms");
        print("direct, saturated", directSaturated);
        print("gateway, saturated", gatewaySaturated);
        print(String.format("direct, %.0f/s", rate), directHalf);
        print(String.format("gateway, %.0f/s", rate), gatewayHalf);
        System.out.printf(
                "%-7s throughput gateway/direct %.2fx; at half load p50 %+.2f ms, p99 %+.2f ms through the gateway%n",
                "",
                gatewaySaturated.okPerSecond() / directSaturated.okPerSecond(),
                LatencyStats.millis(gatewayHalf.p50Nanos() - directHalf.p50Nanos()),
                LatencyStats.millis(gatewayHalf.p99Nanos() - directHalf.p99Nanos()));
        if (serviceProcess.isPresent() && gatewayProcess.isPresent()) {
            // Per request, while saturated: what each tier needs, whoever else shares the cores.
            System.out.printf(
                    "%-7s CPU per request: direct: service %.0f µs; through the gateway: gateway %.0f µs + service"
                            + " %.0f µs; a gateway core proxies %.2fx what a service core serves%n",
                    "", directMicros[0], gatewayMicros[1], gatewayMicros[0], directMicros[0] / gatewayMicros[1]);
        }
        // The load generator shares the cores: the more CPU it takes per request, the smaller the gateway's share of
        // the gateway path, and the better the ratio looks (2026-11-24: wrk at ~40 µs per request 0.48x; this client
        // with C2 at ~70 µs 0.58-0.63x, with C1 at ~130 µs 0.72x).
        System.out.printf(
                "%-7s load generator: %.0f µs per request direct, %.0f µs through the gateway%n",
                "", directMicros[2], gatewayMicros[2]);
        System.out.println();
    }

    /** CPU seconds used by the service, the gateway and this load generator from {@link #start} on. */
    private record CpuMeter(
            Optional<ProcessCpu> service,
            Optional<ProcessCpu> gateway,
            double serviceStart,
            double gatewayStart,
            double generatorStart) {

        private static final Optional<ProcessCpu> GENERATOR =
                Optional.of(new ProcessCpu(ProcessHandle.current().pid(), "load generator"));

        static CpuMeter start(Optional<ProcessCpu> service, Optional<ProcessCpu> gateway) {
            return new CpuMeter(service, gateway, seconds(service), seconds(gateway), seconds(GENERATOR));
        }

        /** Microseconds of CPU per request: {service, gateway, load generator}. */
        double[] microsPerRequest(int requests) {
            return new double[] {
                (seconds(service) - serviceStart) * 1e6 / requests,
                (seconds(gateway) - gatewayStart) * 1e6 / requests,
                (seconds(GENERATOR) - generatorStart) * 1e6 / requests
            };
        }

        private static double seconds(Optional<ProcessCpu> process) {
            return process.map(ProcessCpu::seconds).orElse(0.0);
        }
    }

    private static void print(String label, LatencyStats stats) {
        System.out.printf(
                "%-7s %-22s %8d %7d %9.0f %8.2f %8.2f%n",
                "",
                label,
                stats.requests(),
                stats.errors(),
                stats.okPerSecond(),
                LatencyStats.millis(stats.p50Nanos()),
                LatencyStats.millis(stats.p99Nanos()));
        if (stats.errors() > 0) {
            // Throughput and percentiles above are of the other answers (LatencyStats).
            System.out.printf(
                    "%-7s %-22s errors: %s%n", "", "", stats.errorsByStatus().describe());
        }
    }

    private static HttpRequest.Builder get(String uri) {
        return HttpRequest.newBuilder(URI.create(uri))
                .timeout(Duration.ofSeconds(5))
                .GET();
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }
}
