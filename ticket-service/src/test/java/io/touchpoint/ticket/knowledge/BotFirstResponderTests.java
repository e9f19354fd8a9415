package io.touchpoint.ticket.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchpoint.ticket.application.knowledge.ArticleSearch;
import io.touchpoint.ticket.application.knowledge.ArticleStore;
import io.touchpoint.ticket.application.knowledge.BotSettingsStore;
import io.touchpoint.ticket.application.knowledge.FirstResponder;
import io.touchpoint.ticket.domain.knowledge.BotDecision;
import io.touchpoint.ticket.domain.knowledge.BotDecision.Answer;
import io.touchpoint.ticket.domain.knowledge.BotDecision.Escalate;
import io.touchpoint.ticket.domain.knowledge.BotSettings;
import io.touchpoint.ticket.domain.knowledge.EscalationPhrases;
import io.touchpoint.ticket.domain.knowledge.EscalationReason;
import io.touchpoint.ticket.domain.knowledge.KnowledgeArticle;
import io.touchpoint.ticket.persistence.knowledge.LuceneArticleIndex;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link FirstResponder}: self-service first, a person when the customer asks for one or no article is good enough. */
class BotFirstResponderTests {

    private static final String TENANT = "tenant_a";

    private final InMemoryArticles articles = new InMemoryArticles();

    private final InMemoryBotSettings settings = new InMemoryBotSettings();

    private final ArticleSearch search = (tenantId, text, language, limit) ->
            LuceneArticleIndex.build(0, articles.of(tenantId)).search(text, language, limit);

    private final FirstResponder bot = new FirstResponder(settings, search, articles);

    private KnowledgeArticle resetPassword;

    @BeforeEach
    void knowledgeBase() {
        resetPassword = articles.add(Articles.published(
                TENANT,
                "en",
                "How to reset your password",
                "Open Settings, choose Security and click Reset password. We email you a link that works for a day."));
        articles.add(Articles.published(
                TENANT,
                "en",
                "Refund policy",
                "You can ask for a refund within 30 days of delivery. Refunds reach your card within 5 days."));
        articles.add(Articles.published(
                TENANT, "en", "Shipping times", "Orders ship within 2 business days. Tracking arrives by email."));
        articles.add(Articles.published(
                "tenant_b", "en", "Sofa cushions", "Cushion covers come in twelve colours and can be changed."));
    }

    @Test
    void aQuestionAnArticleCoversIsAnsweredWithThatArticle() {
        BotDecision decision = bot.respond(TENANT, "How do I reset my password?", "en-US");

        assertThat(decision).isInstanceOfSatisfying(Answer.class, answer -> {
            assertThat(answer.article()).isEqualTo(resetPassword);
            assertThat(answer.confidence()).isGreaterThanOrEqualTo(BotSettings.DEFAULT_CONFIDENCE_THRESHOLD);
        });
        assertThat(decision.acknowledgement()).endsWith("within 4 hours.");
    }

    @Test
    void aCustomerWhoAsksForAPersonGetsOneEvenWhenAnArticleWouldAnswer() {
        BotDecision decision = bot.respond(TENANT, "Reset password? No, I want to talk to a HUMAN.", "en", null);

        assertThat(decision).isInstanceOfSatisfying(Escalate.class, escalate -> {
            assertThat(escalate.reason()).isEqualTo(EscalationReason.CUSTOMER_ASKED_FOR_PERSON);
            assertThat(escalate.detail()).contains("\"human\"");
        });
        assertThat(decision.acknowledgement()).startsWith("Thanks for your message.");
    }

    @Test
    void aQuestionNoArticleCoversGoesToAPerson() {
        BotDecision decision = bot.respond(TENANT, "Can I change the colour of my sofa cushions?", "en");

        assertThat(decision).isInstanceOfSatisfying(Escalate.class, escalate -> assertThat(escalate.reason())
                .isEqualTo(EscalationReason.NO_CONFIDENT_ANSWER));
    }

    @Test
    void aQuestionInALanguageWithoutArticlesGoesToAPerson() {
        BotDecision decision = bot.respond(TENANT, "Wie setze ich mein Passwort zurück?", "de", Duration.ofHours(2));

        assertThat(decision).isInstanceOfSatisfying(Escalate.class, escalate -> assertThat(escalate.reason())
                .isEqualTo(EscalationReason.NO_CONFIDENT_ANSWER));
        assertThat(decision.acknowledgement()).contains("innerhalb von 2 Stunden");
    }

    @Test
    void theTenantsThresholdDecides() {
        String partlyCovered = "I want to reset my password";
        assertThat(bot.respond(TENANT, partlyCovered, "en")).isInstanceOf(Answer.class);

        settings.save(withThreshold(0.95), 0);

        assertThat(bot.respond(TENANT, partlyCovered, "en"))
                .isInstanceOfSatisfying(Escalate.class, escalate -> assertThat(escalate.detail())
                        .contains(resetPassword.id())
                        .contains("below the threshold 0.95"));
    }

    @Test
    void aDisabledBotHandsEverythingToAPersonAndSaysNothing() {
        BotSettings defaults = BotSettings.defaults(TENANT);
        settings.save(
                new BotSettings(
                        TENANT,
                        false,
                        defaults.confidenceThreshold(),
                        defaults.expectedResponseTime(),
                        defaults.acknowledgements(),
                        defaults.escalationPhrases(),
                        1,
                        Articles.NOW,
                        Articles.NOW),
                0);

        BotDecision decision = bot.respond(TENANT, "How do I reset my password?", "en");

        assertThat(decision).isInstanceOfSatisfying(Escalate.class, escalate -> assertThat(escalate.reason())
                .isEqualTo(EscalationReason.BOT_DISABLED));
        assertThat(decision.acknowledgement()).isNull();
    }

    @Test
    void aMessageWithoutTextGoesToAPerson() {
        assertThat(bot.respond(TENANT, " ", "en"))
                .isInstanceOfSatisfying(Escalate.class, escalate -> assertThat(escalate.reason())
                        .isEqualTo(EscalationReason.NO_CONFIDENT_ANSWER));
        assertThat(bot.respond(TENANT, null, null)).isInstanceOf(Escalate.class);
    }

    @Test
    void onlyTheTenantsOwnArticlesAnswer() {
        assertThat(bot.respond("tenant_b", "How do I reset my password?", "en")).isInstanceOf(Escalate.class);
        assertThat(bot.respond("tenant_c", "How do I reset my password?", "en")).isInstanceOf(Escalate.class);
    }

    private static BotSettings withThreshold(double threshold) {
        return new BotSettings(
                TENANT,
                true,
                threshold,
                BotSettings.DEFAULT_EXPECTED_RESPONSE_TIME,
                BotSettings.DEFAULT_ACKNOWLEDGEMENTS,
                EscalationPhrases.defaultPhrases(),
                1,
                Articles.NOW,
                Articles.NOW);
    }

    /** Articles kept in a map: the store port's contract without a database, for a unit test of the use case. */
    private static final class InMemoryArticles implements ArticleStore {

        private final Map<String, KnowledgeArticle> byId = new HashMap<>();

        KnowledgeArticle add(KnowledgeArticle article) {
            insert(article);
            return article;
        }

        List<KnowledgeArticle> of(String tenantId) {
            return byId.values().stream()
                    .filter(article -> article.tenantId().equals(tenantId))
                    .toList();
        }

        @Override
        public void insert(KnowledgeArticle article) {
            byId.put(article.id(), article);
        }

        @Override
        public Optional<KnowledgeArticle> find(String tenantId, String id) {
            return Optional.ofNullable(byId.get(id))
                    .filter(article -> article.tenantId().equals(tenantId));
        }

        @Override
        public List<KnowledgeArticle> page(String tenantId, ArticleFilter filter, String after, int limit) {
            throw new UnsupportedOperationException("not used by the bot");
        }

        @Override
        public boolean replace(KnowledgeArticle article, long expectedVersion) {
            throw new UnsupportedOperationException("not used by the bot");
        }

        @Override
        public boolean delete(String tenantId, String id, long expectedVersion) {
            throw new UnsupportedOperationException("not used by the bot");
        }
    }

    private static final class InMemoryBotSettings implements BotSettingsStore {

        private final Map<String, BotSettings> byTenant = new HashMap<>();

        @Override
        public Optional<BotSettings> find(String tenantId) {
            return Optional.ofNullable(byTenant.get(tenantId));
        }

        @Override
        public boolean save(BotSettings settings, long expectedVersion) {
            byTenant.put(settings.tenantId(), settings);
            return true;
        }
    }
}
