package io.touchpoint.starter.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.touchpoint.starter.problem.MockMvcs;
import io.touchpoint.starter.problem.ProblemDetailsAutoConfiguration;
import io.touchpoint.starter.problem.RequestId;
import io.touchpoint.tenancy.TenantContext;
import io.touchpoint.tenancy.TenantContextSigner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

class TenantContextAutoConfigurationTests {

    private static final String KEY = "a-shared-key-that-is-long-enough-for-hmac";
    private static final Instant NOW = Instant.parse("2026-11-22T14:03:00Z");
    private static final TenantContext ACME = new TenantContext("ten_acme", "key_42", Set.of("tickets:write"));

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    JacksonAutoConfiguration.class,
                    HttpMessageConvertersAutoConfiguration.class,
                    DispatcherServletAutoConfiguration.class,
                    WebMvcAutoConfiguration.class,
                    ProblemDetailsAutoConfiguration.class,
                    TenantContextAutoConfiguration.class))
            .withUserConfiguration(FixedClock.class, WhoAmIController.class)
            .withPropertyValues("touchpoint.tenant-context.key=" + KEY);

    @Test
    void backsOffWhenNotAWebApplication() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(TenantContextAutoConfiguration.class))
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .hasSingleBean(CurrentTenant.class)
                        .doesNotHaveBean(TenantContextSigner.class)
                        .doesNotHaveBean("tenantContextFilter"));
    }

    @Test
    void failsToStartWithoutAKey() {
        runner.withPropertyValues("touchpoint.tenant-context.key=").run(context -> assertThat(context)
                .getFailure()
                .rootCause()
                .hasMessageContaining("touchpoint.tenant-context.key is not set")
                .hasMessageContaining("TOUCHPOINT_TENANT_CONTEXT_KEY"));
    }

    @Test
    void failsToStartWithAShortKey() {
        runner.withPropertyValues("touchpoint.tenant-context.key=short")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("at least 32 bytes"));
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnSigner() {
        runner.withBean(
                        "customSigner",
                        TenantContextSigner.class,
                        () -> signer(NOW, "another-key-that-is-long-enough-as-well"))
                .run(context -> assertThat(context)
                        .getBean(TenantContextSigner.class)
                        .isSameAs(context.getBean("customSigner")));
    }

    @Test
    void controllerSeesTheVerifiedTenantContext() {
        runner.run(context -> MockMvcs.from(context)
                .perform(get("/v1/whoami")
                        .header(TenantContextSigner.HEADER, signer(NOW, KEY).sign(ACME)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parameter").value("ten_acme"))
                .andExpect(jsonPath("$.principal").value("key_42"))
                .andExpect(jsonPath("$.canWrite").value(true))
                .andExpect(jsonPath("$.currentTenant").value("ten_acme"))
                .andExpect(jsonPath("$.mdc").value("ten_acme")));
    }

    @Test
    void unbindsTheTenantAfterTheRequest() {
        runner.run(context -> {
            MockMvcs.from(context)
                    .perform(get("/v1/whoami")
                            .header(TenantContextSigner.HEADER, signer(NOW, KEY).sign(ACME)))
                    .andExpect(status().isOk());
            assertThat(TenantContextHolder.current()).isEmpty();
            assertThat(MDC.get(TenantContextFilter.MDC_KEY)).isNull();
        });
    }

    @Test
    void rejectsARequestWithoutHeader() {
        runner.run(context -> MockMvcs.from(context)
                .perform(get("/v1/whoami").header(RequestId.HEADER, "req_no_header"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://touchpoint.dev/problems/unauthenticated"))
                .andExpect(jsonPath("$.code").value("unauthenticated"))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.detail", containsString("no tenant context")))
                .andExpect(jsonPath("$.instance").value("/v1/whoami"))
                .andExpect(jsonPath("$.requestId").value("req_no_header"))
                .andExpect(header().string(RequestId.HEADER, "req_no_header")));
    }

    @Test
    void rejectsAnExpiredHeader() {
        String signedTwoMinutesAgo = signer(NOW.minusSeconds(120), KEY).sign(ACME);
        runner.run(context -> MockMvcs.from(context)
                .perform(get("/v1/whoami").header(TenantContextSigner.HEADER, signedTwoMinutesAgo))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("unauthenticated"))
                .andExpect(jsonPath("$.detail").value("The tenant context has expired.")));
    }

    @Test
    void honoursTheConfiguredValidity() {
        String signedTwoMinutesAgo = signer(NOW.minusSeconds(120), KEY).sign(ACME);
        runner.withPropertyValues("touchpoint.tenant-context.validity=5m").run(context -> MockMvcs.from(context)
                .perform(get("/v1/whoami").header(TenantContextSigner.HEADER, signedTwoMinutesAgo))
                .andExpect(status().isOk()));
    }

    @Test
    void rejectsForgedHeader() {
        String forged =
                signer(NOW, "not-the-gateway-key-but-long-enough-anyway").sign(ACME);
        runner.run(context -> MockMvcs.from(context)
                .perform(get("/v1/whoami").header(TenantContextSigner.HEADER, forged))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("The tenant context has an invalid signature."))
                .andExpect(content().string(not(containsString(forged))))
                .andExpect(content().string(not(containsString("ten_acme")))));
    }

    @Test
    void rejectsATamperedTenant() {
        String genuine = signer(NOW, KEY).sign(ACME);
        String otherTenantsPayload = signer(NOW, KEY)
                .sign(new TenantContext("ten_evil", "key_42", Set.of()))
                .split("\\.")[1];
        String[] parts = genuine.split("\\.");
        String tampered = parts[0] + "." + otherTenantsPayload + "." + parts[2];
        runner.run(context -> MockMvcs.from(context)
                .perform(get("/v1/whoami").header(TenantContextSigner.HEADER, tampered))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("The tenant context has an invalid signature.")));
    }

    @Test
    void rejectsAMalformedHeader() {
        runner.run(context -> MockMvcs.from(context)
                .perform(get("/v1/whoami").header(TenantContextSigner.HEADER, "Bearer something"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("The tenant context header is malformed.")));
    }

    @Test
    void leavesWebhooksAndActuatorToTheirOwnAuthentication() {
        runner.run(context -> {
            MockMvc mvc = MockMvcs.from(context);
            mvc.perform(post("/webhooks/sms/conn_1")).andExpect(status().isOk());
            mvc.perform(get("/actuator/ping")).andExpect(status().isOk());
        });
    }

    @Test
    void protectsTheConfiguredPaths() {
        runner.withPropertyValues("touchpoint.tenant-context.protected-paths=/**")
                .run(context -> {
                    MockMvc mvc = MockMvcs.from(context);
                    mvc.perform(get("/internal/stats")).andExpect(status().isUnauthorized());
                    mvc.perform(get("/actuator/ping")).andExpect(status().isOk());
                });
    }

    @Test
    void aTenantParameterOutsideProtectedPathsIsUnauthenticated() {
        runner.run(context -> MockMvcs.from(context)
                .perform(get("/internal/whoami"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("unauthenticated")));
    }

    @Test
    void currentTenantOutsideARequestSaysSo() {
        CurrentTenant current = new CurrentTenant();
        assertThat(current.find()).isEmpty();
        assertThatIllegalStateException().isThrownBy(current::tenantId).withMessageContaining("No tenant context");
        try (TenantContextHolder.Binding binding = TenantContextHolder.bind(ACME)) {
            assertThat(current.tenantId()).isEqualTo("ten_acme");
        }
        assertThat(current.find()).isEmpty();
    }

    private static TenantContextSigner signer(Instant at, String key) {
        return TenantContextSigner.fromSecret(key, Duration.ofSeconds(30), Clock.fixed(at, ZoneOffset.UTC));
    }

    @Configuration(proxyBeanMethods = false)
    static class FixedClock {

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @RestController
    static class WhoAmIController {

        private final CurrentTenant currentTenant;

        WhoAmIController(CurrentTenant currentTenant) {
            this.currentTenant = currentTenant;
        }

        @GetMapping("/v1/whoami")
        Map<String, Object> whoAmI(TenantContext tenant) {
            return Map.of(
                    "parameter", tenant.tenantId(),
                    "principal", tenant.principal(),
                    "canWrite", tenant.hasScope("tickets:write"),
                    "currentTenant", currentTenant.tenantId(),
                    "mdc", MDC.get("tenant"));
        }

        @GetMapping("/internal/whoami")
        String internalWhoAmI(TenantContext tenant) {
            return tenant.tenantId();
        }

        @GetMapping("/internal/stats")
        String stats() {
            return "ok";
        }

        @PostMapping("/webhooks/sms/conn_1")
        String webhook() {
            return "stored";
        }

        @GetMapping("/actuator/ping")
        String ping() {
            return "pong";
        }
    }
}
