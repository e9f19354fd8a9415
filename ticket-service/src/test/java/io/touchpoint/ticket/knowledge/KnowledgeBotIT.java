package io.touchpoint.ticket.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.touchpoint.test.infrastructure.RealInfrastructure;
import io.touchpoint.ticket.application.knowledge.FirstResponder;
import io.touchpoint.ticket.domain.knowledge.BotDecision;
import io.touchpoint.ticket.domain.knowledge.BotDecision.Answer;
import io.touchpoint.ticket.domain.knowledge.BotDecision.Escalate;
import io.touchpoint.ticket.domain.knowledge.EscalationReason;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code /v1/tickets/bot-settings} over HTTP, and {@link FirstResponder} deciding with what a tenant stored: its
 * articles and its settings in the real MongoDB-protocol server.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "touchpoint.tenant-context.key=" + KnowledgeApi.TENANT_CONTEXT_KEY)
@RealInfrastructure
class KnowledgeBotIT {

    private static final String SETTINGS = "/v1/tickets/bot-settings";

    private static final String ARTICLES = "/v1/tickets/knowledge-base/articles";

    @LocalServerPort
    int port;

    @Autowired
    FirstResponder bot;

    @Test
    void aTenantWithoutSettingsReadsTheDefaultsAtVersionZero() {
        HttpResponse<String> defaults =
                KnowledgeApi.forTenant(port, "tenant_defaults").get(SETTINGS);

        assertThat(defaults.statusCode()).as(defaults.body()).isEqualTo(200);
        assertThat(defaults.headers().firstValue("ETag")).hasValue("\"0\"");
        assertThat(JsonPath.<Boolean>read(defaults.body(), "$.enabled")).isTrue();
        assertThat(JsonPath.<Double>read(defaults.body(), "$.confidenceThreshold"))
                .isEqualTo(0.5);
        assertThat(JsonPath.<String>read(defaults.body(), "$.expectedResponseTime"))
                .isEqualTo("PT4H");
        assertThat(JsonPath.<List<String>>read(defaults.body(), "$.escalationPhrases.en"))
                .contains("agent", "human");
        assertThat(JsonPath.<String>read(defaults.body(), "$.acknowledgements.de"))
                .contains("{{expectedResponseTime}}");
        assertThat(defaults.body()).doesNotContain("updatedAt");
    }

    @Test
    void settingsAreReplacedWithIfMatchAndKeptPerTenant() {
        KnowledgeApi tenant = KnowledgeApi.forTenant(port, "tenant_settings");
        String settings =
                """
                {"confidenceThreshold": 0.7, "expectedResponseTime": "PT30M",
                 "acknowledgements": {"en": "We will reply within {{expectedResponseTime}}."},
                 "escalationPhrases": {"en": ["manager"], "de-DE": ["Chef"]}}""";

        HttpResponse<String> saved = tenant.putJson(SETTINGS, settings, Map.of("If-Match", "\"0\""));

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(saved.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(JsonPath.<Boolean>read(saved.body(), "$.enabled")).isTrue();
        assertThat(JsonPath.<Double>read(saved.body(), "$.confidenceThreshold")).isEqualTo(0.7);
        assertThat(JsonPath.<Map<String, Object>>read(saved.body(), "$.escalationPhrases"))
                .containsOnlyKeys("en", "de");
        assertThat(JsonPath.<String>read(tenant.get(SETTINGS).body(), "$.expectedResponseTime"))
                .isEqualTo("PT30M");

        assertProblem(tenant.putJson(SETTINGS, settings, Map.of("If-Match", "\"0\"")), 412);
        assertThat(tenant.putJson(SETTINGS, "{\"enabled\": false}", Map.of("If-Match", "\"1\""))
                        .headers()
                        .firstValue("ETag"))
                .hasValue("\"2\"");
        assertThat(KnowledgeApi.forTenant(port, "tenant_other")
                        .get(SETTINGS)
                        .headers()
                        .firstValue("ETag"))
                .hasValue("\"0\"");
    }

    @Test
    void invalidSettingsAreProblems() {
        KnowledgeApi tenant = KnowledgeApi.forTenant(port, "tenant_invalid");

        assertProblem(tenant.putJson(SETTINGS, "{\"confidenceThreshold\": 1.5}", Map.of()), 400);
        assertProblem(tenant.putJson(SETTINGS, "{\"expectedResponseTime\": \"soon\"}", Map.of()), 400);
        assertProblem(tenant.putJson(SETTINGS, "{\"expectedResponseTime\": \"P90D\"}", Map.of()), 400);
        assertProblem(tenant.putJson(SETTINGS, "{\"escalationPhrases\": {\"en\": [\"?!\"]}}", Map.of()), 400);
        assertProblem(tenant.putJson(SETTINGS, "{\"escalationPhrases\": {\"english!\": [\"agent\"]}}", Map.of()), 400);
        assertProblem(tenant.putJson(SETTINGS, "{\"acknowledgements\": {\"en\": \" \"}}", Map.of()), 400);
        assertProblem(tenant.putJson(SETTINGS, "{\"version\": 3}", Map.of()), 400);
        assertThat(tenant.get(SETTINGS).headers().firstValue("ETag")).hasValue("\"0\"");
    }

    @Test
    void onlyTicketsWriteMayChangeWhatTheBotSays() {
        KnowledgeApi agent = KnowledgeApi.forTenant(port, "tenant_agent", "agent");

        assertProblem(agent.putJson(SETTINGS, "{\"enabled\": false}", Map.of()), 403);
        assertThat(agent.get(SETTINGS).statusCode()).isEqualTo(200);
    }

    @Test
    void theBotAnswersWithAStoredArticleAndEscalatesOnTheTenantsPhrases() {
        KnowledgeApi tenant = KnowledgeApi.forTenant(port, "tenant_bot");
        HttpResponse<String> created = tenant.postJson(
                ARTICLES,
                """
                {"title": "Refund policy", "body": "You can ask for a refund within 30 days of delivery.",
                 "language": "en", "status": "published"}""");
        String refunds = JsonPath.read(created.body(), "$.id");

        BotDecision answer = bot.respond(tenant.tenantId(), "How do I get a refund?", "en", Duration.ofHours(2));
        assertThat(answer).isInstanceOfSatisfying(Answer.class, decision -> assertThat(
                        decision.article().id())
                .isEqualTo(refunds));
        assertThat(answer.acknowledgement()).endsWith("within 2 hours.");

        tenant.putJson(
                SETTINGS,
                """
                {"acknowledgements": {"en": "Hold on, {{expectedResponseTime}} at most."},
                 "escalationPhrases": {"en": ["manager"]}}""",
                Map.of());

        BotDecision escalate = bot.respond(tenant.tenantId(), "Refund? Get me your MANAGER", "en");
        assertThat(escalate).isInstanceOfSatisfying(Escalate.class, decision -> assertThat(decision.reason())
                .isEqualTo(EscalationReason.CUSTOMER_ASKED_FOR_PERSON));
        assertThat(escalate.acknowledgement()).isEqualTo("Hold on, 4 hours at most.");
        assertThat(bot.respond(tenant.tenantId(), "Can I get a refund from an agent", "en"))
                .as("the default phrases no longer apply")
                .isInstanceOf(Answer.class);
        assertThat(bot.respond("tenant_without_articles", "How do I get a refund?", "en"))
                .isInstanceOfSatisfying(Escalate.class, decision -> assertThat(decision.reason())
                        .isEqualTo(EscalationReason.NO_CONFIDENT_ANSWER));
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JsonPath.<String>read(response.body(), "$.code")).isNotBlank();
    }
}
