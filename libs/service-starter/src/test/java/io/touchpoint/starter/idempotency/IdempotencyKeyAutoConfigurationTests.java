package io.touchpoint.starter.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.mongodb.client.MongoClients;
import io.touchpoint.starter.problem.MockMvcs;
import io.touchpoint.starter.problem.ProblemDetailsAutoConfiguration;
import io.touchpoint.starter.tenant.TenantContextAutoConfiguration;
import io.touchpoint.tenancy.TenantContext;
import io.touchpoint.tenancy.TenantContextSigner;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

class IdempotencyKeyAutoConfigurationTests {

    private static final String KEY = "a-shared-key-that-is-long-enough-for-hmac";
    private static final Instant NOW = Instant.parse("2026-11-22T14:03:00Z");

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    JacksonAutoConfiguration.class,
                    HttpMessageConvertersAutoConfiguration.class,
                    DispatcherServletAutoConfiguration.class,
                    WebMvcAutoConfiguration.class,
                    ProblemDetailsAutoConfiguration.class,
                    TenantContextAutoConfiguration.class,
                    IdempotencyKeyAutoConfiguration.class))
            .withUserConfiguration(FixedClock.class, TicketsController.class)
            .withBean(InMemoryIdempotencyRecordStore.class)
            .withPropertyValues("touchpoint.tenant-context.key=" + KEY);

    @Test
    void backsOffWithoutAStore() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(IdempotencyKeyAutoConfiguration.class))
                .run(context -> assertThat(context)
                        .doesNotHaveBean(IdempotencyRecordStore.class)
                        .doesNotHaveBean("idempotencyKeyFilter"));
    }

    @Test
    void backsOffWhenNotAWebApplication() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(IdempotencyKeyAutoConfiguration.class))
                .withBean(InMemoryIdempotencyRecordStore.class)
                .run(context -> assertThat(context).doesNotHaveBean("idempotencyKeyFilter"));
    }

    @Test
    void backsOffWhenDisabled() {
        runner.withPropertyValues("touchpoint.idempotency.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("idempotencyKeyFilter"));
    }

    @Test
    void keepsRecordsInMongoDbWhenTheServiceHasIt() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(IdempotencyKeyAutoConfiguration.class))
                .withBean(
                        MongoTemplate.class,
                        () -> new MongoTemplate(MongoClients.create("mongodb://127.0.0.1:1"), "test"))
                .run(context -> assertThat(context)
                        .hasSingleBean(MongoIdempotencyRecordStore.class)
                        .hasBean("idempotencyKeyFilter"));
    }

    @Test
    void sameKeyAndSameBodyReplaysTheFirstResponse() {
        runner.run(context -> {
            MockMvc mvc = MockMvcs.from(context);
            TicketsController tickets = context.getBean(TicketsController.class);
            mvc.perform(create("ten_acme", "key-1", "{\"subject\":\"Refund\"}"))
                    .andExpect(status().isCreated())
                    .andExpect(header().string("Location", "/v1/tickets/tkt_1"))
                    .andExpect(header().doesNotExist(IdempotencyKeyFilter.REPLAYED_HEADER))
                    .andExpect(jsonPath("$.id").value("tkt_1"));
            mvc.perform(create("ten_acme", "key-1", "{\"subject\":\"Refund\"}"))
                    .andExpect(status().isCreated())
                    .andExpect(header().string("Location", "/v1/tickets/tkt_1"))
                    .andExpect(header().string(IdempotencyKeyFilter.REPLAYED_HEADER, "true"))
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                    .andExpect(jsonPath("$.id").value("tkt_1"))
                    .andExpect(jsonPath("$.subject").value("Refund"));
            assertThat(tickets.created).hasValue(1);
        });
    }

    @Test
    void sameKeyWithADifferentBodyIsRefused() {
        runner.run(context -> {
            MockMvc mvc = MockMvcs.from(context);
            mvc.perform(create("ten_acme", "key-1", "{\"subject\":\"Refund\"}")).andExpect(status().isCreated());
            mvc.perform(create("ten_acme", "key-1", "{\"subject\":\"Something else\"}"))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("idempotency_key_reused"))
                    .andExpect(jsonPath("$.type").value("https://touchpoint.dev/problems/idempotency-key-reused"));
            assertThat(context.getBean(TicketsController.class).created).hasValue(1);
        });
    }

    @Test
    void keysBelongToATenant() {
        runner.run(context -> {
            MockMvc mvc = MockMvcs.from(context);
            mvc.perform(create("ten_acme", "key-1", "{\"subject\":\"Refund\"}")).andExpect(status().isCreated());
            mvc.perform(create("ten_globex", "key-1", "{\"subject\":\"Other\"}"))
                    .andExpect(status().isCreated())
                    .andExpect(header().doesNotExist(IdempotencyKeyFilter.REPLAYED_HEADER))
                    .andExpect(jsonPath("$.id").value("tkt_2"));
        });
    }

    @Test
    void aRepeatWhileTheFirstIsRunningIsAskedToRetry() {
        runner.run(context -> {
            InMemoryIdempotencyRecordStore store = context.getBean(InMemoryIdempotencyRecordStore.class);
            byte[] body = "{\"subject\":\"Refund\"}".getBytes();
            String hash = IdempotencyKeyFilter.fingerprint(
                    create("ten_acme", "key-1", "{\"subject\":\"Refund\"}").buildRequest(context.getServletContext()),
                    body);
            store.claim(
                    IdempotencyRecord.inProgress("ten_acme|key-1", hash, NOW.minusSeconds(2), Duration.ofHours(24)));
            MockMvcs.from(context)
                    .perform(create("ten_acme", "key-1", "{\"subject\":\"Refund\"}"))
                    .andExpect(status().isConflict())
                    .andExpect(header().string("Retry-After", "1"))
                    .andExpect(jsonPath("$.code").value("idempotency_request_in_progress"));
            assertThat(context.getBean(TicketsController.class).created).hasValue(0);
        });
    }

    @Test
    void anAbandonedKeyCanBeClaimedAgainAfterTheLockTimeout() {
        runner.run(context -> {
            InMemoryIdempotencyRecordStore store = context.getBean(InMemoryIdempotencyRecordStore.class);
            store.claim(IdempotencyRecord.inProgress(
                    "ten_acme|key-1", "whatever", NOW.minusSeconds(61), Duration.ofHours(24)));
            MockMvcs.from(context)
                    .perform(create("ten_acme", "key-1", "{\"subject\":\"Refund\"}"))
                    .andExpect(status().isCreated());
        });
    }

    @Test
    void anExpiredKeyIsTreatedAsNew() {
        runner.run(context -> {
            InMemoryIdempotencyRecordStore store = context.getBean(InMemoryIdempotencyRecordStore.class);
            store.records.put(
                    "ten_acme|key-1",
                    new IdempotencyRecord(
                            "ten_acme|key-1",
                            "another-request",
                            NOW.minus(Duration.ofHours(25)),
                            NOW.minus(Duration.ofHours(1)),
                            new StoredResponse(201, Map.of(), new byte[0])));
            MockMvcs.from(context)
                    .perform(create("ten_acme", "key-1", "{\"subject\":\"Refund\"}"))
                    .andExpect(status().isCreated())
                    .andExpect(header().doesNotExist(IdempotencyKeyFilter.REPLAYED_HEADER));
            assertThat(store.records.get("ten_acme|key-1").expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
        });
    }

    @Test
    void aServerErrorReleasesTheKeySoTheClientCanRetry() {
        runner.run(context -> {
            MockMvc mvc = MockMvcs.from(context);
            TicketsController tickets = context.getBean(TicketsController.class);
            tickets.failNext.set(true);
            mvc.perform(create("ten_acme", "key-1", "{\"subject\":\"Refund\"}"))
                    .andExpect(status().isServiceUnavailable());
            assertThat(context.getBean(InMemoryIdempotencyRecordStore.class).records)
                    .isEmpty();
            mvc.perform(create("ten_acme", "key-1", "{\"subject\":\"Refund\"}"))
                    .andExpect(status().isCreated())
                    .andExpect(header().doesNotExist(IdempotencyKeyFilter.REPLAYED_HEADER));
        });
    }

    @Test
    void aClientErrorIsStoredAndReplayed() {
        runner.run(context -> {
            MockMvc mvc = MockMvcs.from(context);
            mvc.perform(create("ten_acme", "key-1", "{\"subject\":")).andExpect(status().isBadRequest());
            mvc.perform(create("ten_acme", "key-1", "{\"subject\":"))
                    .andExpect(status().isBadRequest())
                    .andExpect(header().string(IdempotencyKeyFilter.REPLAYED_HEADER, "true"))
                    .andExpect(jsonPath("$.code").value("malformed_body"));
        });
    }

    @Test
    void anAsynchronousHandlersResponseIsRememberedToo() {
        runner.run(context -> {
            MockMvc mvc = MockMvcs.from(context);
            MvcResult started = mvc.perform(
                            create("/v1/tickets/async", "ten_acme", "key-async", "{\"subject\":\"Later\"}"))
                    .andExpect(request().asyncStarted())
                    .andReturn();
            mvc.perform(asyncDispatch(started))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.id").value("tkt_1"));

            mvc.perform(create("/v1/tickets/async", "ten_acme", "key-async", "{\"subject\":\"Later\"}"))
                    .andExpect(status().isCreated())
                    .andExpect(header().string(IdempotencyKeyFilter.REPLAYED_HEADER, "true"))
                    .andExpect(jsonPath("$.id").value("tkt_1"));
            assertThat(context.getBean(TicketsController.class).created).hasValue(1);
        });
    }

    @Test
    void anUnavailableStoreIsAServiceUnavailableProblem() {
        runner.withAllowBeanDefinitionOverriding(true)
                .withBean(InMemoryIdempotencyRecordStore.class, () -> new InMemoryIdempotencyRecordStore() {
                    @Override
                    public Optional<IdempotencyRecord> claim(IdempotencyRecord record) {
                        throw new DataAccessResourceFailureException("MongoDB is down");
                    }
                })
                .run(context -> {
                    MockMvcs.from(context)
                            .perform(create("ten_acme", "key-1", "{\"subject\":\"Refund\"}"))
                            .andExpect(status().isServiceUnavailable())
                            .andExpect(header().string("Retry-After", "5"))
                            .andExpect(jsonPath("$.code").value("service_unavailable"));
                    assertThat(context.getBean(TicketsController.class).created).hasValue(0);
                });
    }

    @Test
    void anOverlongKeyIsABadRequest() {
        runner.run(context -> MockMvcs.from(context)
                .perform(create("ten_acme", "k".repeat(256), "{\"subject\":\"Refund\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid_idempotency_key")));
    }

    @Test
    void aBodyOverTheLimitIsRefusedWithoutRunningTheHandler() {
        runner.withPropertyValues("touchpoint.idempotency.max-body=64B").run(context -> {
            MockMvcs.from(context)
                    .perform(create("ten_acme", "key-1", "{\"subject\":\"" + "x".repeat(64) + "\"}"))
                    .andExpect(status().isPayloadTooLarge())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("payload_too_large"));
            assertThat(context.getBean(TicketsController.class).created).hasValue(0);
            assertThat(context.getBean(InMemoryIdempotencyRecordStore.class).records)
                    .isEmpty();
        });
    }

    @Test
    void requestsWithoutAKeyAreNotRemembered() {
        runner.run(context -> {
            MockMvc mvc = MockMvcs.from(context);
            mvc.perform(create("ten_acme", null, "{\"subject\":\"Refund\"}")).andExpect(status().isCreated());
            mvc.perform(create("ten_acme", null, "{\"subject\":\"Refund\"}")).andExpect(status().isCreated());
            assertThat(context.getBean(TicketsController.class).created).hasValue(2);
            assertThat(context.getBean(InMemoryIdempotencyRecordStore.class).records)
                    .isEmpty();
        });
    }

    private static MockHttpServletRequestBuilder create(String tenantId, String idempotencyKey, String body) {
        return create("/v1/tickets", tenantId, idempotencyKey, body);
    }

    private static MockHttpServletRequestBuilder create(
            String path, String tenantId, String idempotencyKey, String body) {
        TenantContextSigner signer =
                TenantContextSigner.fromSecret(KEY, Duration.ofSeconds(30), Clock.fixed(NOW, ZoneOffset.UTC));
        MockHttpServletRequestBuilder request = post(path)
                .contentType(MediaType.APPLICATION_JSON)
                .header(TenantContextSigner.HEADER, signer.sign(new TenantContext(tenantId, "key_1", Set.of())))
                .content(body);
        return (idempotencyKey != null) ? request.header(IdempotencyKeyFilter.HEADER, idempotencyKey) : request;
    }

    record CreateTicketRequest(String subject) {}

    record TicketResponse(String id, String subject) {}

    @Configuration(proxyBeanMethods = false)
    static class FixedClock {

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @RestController
    static class TicketsController {

        final AtomicInteger created = new AtomicInteger();
        final AtomicBoolean failNext = new AtomicBoolean();

        @PostMapping("/v1/tickets")
        ResponseEntity<TicketResponse> create(@RequestBody CreateTicketRequest request) {
            if (failNext.getAndSet(false)) {
                return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
            }
            String id = "tkt_" + created.incrementAndGet();
            return ResponseEntity.created(URI.create("/v1/tickets/" + id))
                    .body(new TicketResponse(id, request.subject()));
        }

        @PostMapping("/v1/tickets/async")
        Callable<ResponseEntity<TicketResponse>> createLater(@RequestBody CreateTicketRequest request) {
            return () -> create(request);
        }
    }
}
