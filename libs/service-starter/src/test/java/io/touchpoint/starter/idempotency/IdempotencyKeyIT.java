package io.touchpoint.starter.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchpoint.tenancy.TenantContext;
import io.touchpoint.tenancy.TenantContextSigner;
import io.touchpoint.test.infrastructure.RealInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Idempotency-Key end to end: a real server, the real filter chain, records in a real MongoDB-protocol server. */
@SpringBootTest(
        classes = IdempotencyKeyIT.TicketApp.class,
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=idempotency-it", "touchpoint.tenant-context.key=" + IdempotencyKeyIT.KEY
        })
@RealInfrastructure
class IdempotencyKeyIT {

    static final String KEY = "idempotency-it-shared-key-of-enough-length";

    private final HttpClient http = HttpClient.newHttpClient();
    private final TenantContextSigner signer =
            TenantContextSigner.fromSecret(KEY, Duration.ofSeconds(30), Clock.systemUTC());

    @LocalServerPort
    int port;

    @Autowired
    TicketsController tickets;

    @Autowired
    MongoTemplate mongo;

    @Test
    void sameKeyAndBodyGetTheSameResponseAndRunTheHandlerOnce() throws Exception {
        HttpResponse<String> first = post("ten_acme", "key-same", "{\"subject\":\"Refund please\"}");
        HttpResponse<String> second = post("ten_acme", "key-same", "{\"subject\":\"Refund please\"}");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue("Location"))
                .isEqualTo(first.headers().firstValue("Location"));
        assertThat(second.headers().firstValue("Content-Type"))
                .isEqualTo(first.headers().firstValue("Content-Type"));
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(second.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(tickets.executions("Refund please")).isEqualTo(1);

        Document stored = mongo.findById("ten_acme|key-same", Document.class, "idempotency_keys");
        assertThat(stored).isNotNull();
        assertThat(stored.getString("status")).isEqualTo("completed");
        assertThat(stored.getString("requestHash")).hasSize(64);
        assertThat(stored.getDate("expiresAt")).isAfter(stored.getDate("createdAt"));
    }

    @Test
    void sameKeyWithADifferentBodyIsUnprocessable() throws Exception {
        assertThat(post("ten_acme", "key-reused", "{\"subject\":\"First\"}").statusCode())
                .isEqualTo(201);

        HttpResponse<String> reused = post("ten_acme", "key-reused", "{\"subject\":\"Second\"}");

        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(reused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(reused.body()).contains("\"code\":\"idempotency_key_reused\"");
        assertThat(tickets.executions("Second")).isZero();
    }

    @Test
    void anotherTenantsSameKeyIsIndependent() throws Exception {
        HttpResponse<String> acme = post("ten_acme", "key-shared", "{\"subject\":\"Shared key\"}");
        HttpResponse<String> globex = post("ten_globex", "key-shared", "{\"subject\":\"Shared key\"}");

        assertThat(acme.statusCode()).isEqualTo(201);
        assertThat(globex.statusCode()).isEqualTo(201);
        assertThat(globex.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(globex.body()).isNotEqualTo(acme.body());
        assertThat(tickets.executions("Shared key")).isEqualTo(2);
    }

    @Test
    void aRepeatWhileTheFirstRequestRunsIsAskedToRetryAndTheHandlerRunsOnce() throws Exception {
        CompletableFuture<HttpResponse<String>> first =
                postAsync("ten_acme", "key-slow", "{\"subject\":\"" + TicketsController.SLOW + "\"}");
        assertThat(tickets.slowStarted.await(10, TimeUnit.SECONDS)).isTrue();

        HttpResponse<String> concurrent =
                post("ten_acme", "key-slow", "{\"subject\":\"" + TicketsController.SLOW + "\"}");
        tickets.slowRelease.countDown();

        assertThat(concurrent.statusCode()).isEqualTo(409);
        assertThat(concurrent.headers().firstValue("Retry-After")).contains("1");
        assertThat(concurrent.body()).contains("\"code\":\"idempotency_request_in_progress\"");
        assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
        HttpResponse<String> retry = post("ten_acme", "key-slow", "{\"subject\":\"" + TicketsController.SLOW + "\"}");
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(tickets.executions(TicketsController.SLOW)).isEqualTo(1);
    }

    @Test
    void aBurstOfIdenticalRequestsRunsTheHandlerOnce() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            burst.add(postAsync("ten_acme", "key-burst", "{\"subject\":\"Burst\"}"));
        }
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> response : burst) {
            responses.add(response.get(20, TimeUnit.SECONDS));
        }

        assertThat(tickets.executions("Burst")).isEqualTo(1);
        assertThat(responses)
                .allSatisfy(response -> assertThat(response.statusCode()).isIn(201, 409));
        List<String> created = responses.stream()
                .filter(response -> response.statusCode() == 201)
                .map(HttpResponse::body)
                .distinct()
                .toList();
        assertThat(created).hasSize(1);
    }

    private HttpResponse<String> post(String tenantId, String key, String body) throws Exception {
        return http.send(request(tenantId, key, body), HttpResponse.BodyHandlers.ofString());
    }

    private CompletableFuture<HttpResponse<String>> postAsync(String tenantId, String key, String body) {
        return http.sendAsync(request(tenantId, key, body), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String tenantId, String key, String body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/tickets"))
                .header("Content-Type", "application/json")
                .header(TenantContextSigner.HEADER, signer.sign(new TenantContext(tenantId, "key_it", Set.of())))
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(TicketsController.class)
    static class TicketApp {}

    record CreateTicketRequest(String subject) {}

    record TicketResponse(String id, String tenantId, String subject) {}

    @RestController
    static class TicketsController {

        static final String SLOW = "Slow";

        final CountDownLatch slowStarted = new CountDownLatch(1);
        final CountDownLatch slowRelease = new CountDownLatch(1);
        private final AtomicInteger ids = new AtomicInteger();
        private final Map<String, AtomicInteger> executions = new ConcurrentHashMap<>();

        int executions(String subject) {
            return executions.getOrDefault(subject, new AtomicInteger()).get();
        }

        @PostMapping("/v1/tickets")
        ResponseEntity<TicketResponse> create(@RequestBody CreateTicketRequest request, TenantContext tenant)
                throws InterruptedException {
            executions
                    .computeIfAbsent(request.subject(), subject -> new AtomicInteger())
                    .incrementAndGet();
            if (SLOW.equals(request.subject())) {
                slowStarted.countDown();
                slowRelease.await(10, TimeUnit.SECONDS);
            }
            String id = "tkt_" + ids.incrementAndGet();
            return ResponseEntity.created(URI.create("/v1/tickets/" + id))
                    .body(new TicketResponse(id, tenant.tenantId(), request.subject()));
        }
    }
}
