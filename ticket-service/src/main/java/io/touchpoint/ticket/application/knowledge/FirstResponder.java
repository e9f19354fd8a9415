package io.touchpoint.ticket.application.knowledge;

import io.touchpoint.ticket.domain.knowledge.ArticleMatch;
import io.touchpoint.ticket.domain.knowledge.BotDecision;
import io.touchpoint.ticket.domain.knowledge.BotDecision.Answer;
import io.touchpoint.ticket.domain.knowledge.BotDecision.Escalate;
import io.touchpoint.ticket.domain.knowledge.BotSettings;
import io.touchpoint.ticket.domain.knowledge.EscalationReason;
import io.touchpoint.ticket.domain.knowledge.KnowledgeArticle;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The bot's first response to a customer's message: self-service first, a person when needed. A customer who asks
 * for a person gets one at once; otherwise the best published article answers if it reaches the tenant's confidence
 * threshold, and the conversation goes to a person if none does.
 */
@Service
public class FirstResponder {

    private static final Logger log = LoggerFactory.getLogger(FirstResponder.class);

    private final BotSettingsStore settings;

    private final ArticleSearch search;

    private final ArticleStore articles;

    public FirstResponder(BotSettingsStore settings, ArticleSearch search, ArticleStore articles) {
        this.settings = settings;
        this.search = search;
        this.articles = articles;
    }

    /** {@link #respond(String, String, String, Duration)} promising the tenant's configured response time. */
    public BotDecision respond(String tenantId, String text, String language) {
        return respond(tenantId, text, language, null);
    }

    /**
     * Decides what the bot does with a customer's message. Reads the tenant's settings (one lookup by id) and, unless
     * the customer asked for a person, searches its published articles; writes nothing.
     *
     * @param text the message's text; null or blank (an attachment only) is escalated
     * @param language the message's BCP 47 tag, or null when unknown (every language's articles and phrases count)
     * @param expectedResponseTime what the acknowledgement promises (e.g. the first-response target of the ticket's
     *     SLA policy), or null for the tenant's configured {@link BotSettings#expectedResponseTime()}
     * @return {@link Answer} with the article to send, or {@link Escalate} with the reason; both carry the
     *     acknowledgement to send right away, null when the bot is disabled
     */
    public BotDecision respond(String tenantId, String text, String language, Duration expectedResponseTime) {
        BotSettings bot = settings.find(tenantId).orElseGet(() -> BotSettings.defaults(tenantId));
        BotDecision decision = decide(tenantId, bot, text, language, expectedResponseTime);
        log.info("Bot decision for tenant {}: {}", tenantId, describe(decision));
        return decision;
    }

    private BotDecision decide(
            String tenantId, BotSettings bot, String text, String language, Duration expectedResponseTime) {
        if (!bot.enabled()) {
            return new Escalate(EscalationReason.BOT_DISABLED, "The bot is disabled.", null);
        }
        String acknowledgement = bot.acknowledgement(language, expectedResponseTime);
        Optional<String> phrase = bot.escalationPhrases().findIn(text, language);
        if (phrase.isPresent()) {
            return new Escalate(
                    EscalationReason.CUSTOMER_ASKED_FOR_PERSON,
                    "The customer asked for a person (\"" + phrase.get() + "\").",
                    acknowledgement);
        }
        if (text == null || text.isBlank()) {
            return new Escalate(EscalationReason.NO_CONFIDENT_ANSWER, "The message has no text.", acknowledgement);
        }
        List<ArticleMatch> matches = search.search(tenantId, text, language, 1);
        if (matches.isEmpty()) {
            return new Escalate(EscalationReason.NO_CONFIDENT_ANSWER, "No article matches.", acknowledgement);
        }
        ArticleMatch best = matches.get(0);
        if (best.confidence() < bot.confidenceThreshold()) {
            return new Escalate(
                    EscalationReason.NO_CONFIDENT_ANSWER,
                    String.format(
                            Locale.ROOT,
                            "The best article, %s, has confidence %.2f, below the threshold %.2f.",
                            best.articleId(),
                            best.confidence(),
                            bot.confidenceThreshold()),
                    acknowledgement);
        }
        Optional<KnowledgeArticle> article =
                articles.find(tenantId, best.articleId()).filter(KnowledgeArticle::isPublished);
        if (article.isEmpty()) {
            // Unpublished or deleted between the search and now.
            return new Escalate(
                    EscalationReason.NO_CONFIDENT_ANSWER,
                    "The best article, " + best.articleId() + ", is no longer published.",
                    acknowledgement);
        }
        return new Answer(article.get(), best.confidence(), acknowledgement);
    }

    private static String describe(BotDecision decision) {
        if (decision instanceof Answer answer) {
            return String.format(
                    Locale.ROOT,
                    "answer with %s (confidence %.2f)",
                    answer.article().id(),
                    answer.confidence());
        }
        return "escalate, " + ((Escalate) decision).reason();
    }
}
