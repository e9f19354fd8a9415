package io.touchpoint.ticket.domain.knowledge;

import java.util.Objects;

/** What the bot does with a customer's new message: answer it with an article, or hand it to a person. */
public sealed interface BotDecision {

    /**
     * The text to send the customer right away, with the expected response time filled in; null when the bot is
     * disabled and must stay silent.
     */
    String acknowledgement();

    /**
     * Send {@code article} to the customer: it covers the question with at least the tenant's confidence.
     *
     * @param confidence 0 to 1, see {@link ArticleMatch#confidence()}
     */
    record Answer(KnowledgeArticle article, double confidence, String acknowledgement) implements BotDecision {

        public Answer {
            Objects.requireNonNull(article, "article");
        }
    }

    /**
     * Route the conversation to a person.
     *
     * @param detail one line for the ticket's history: the phrase the customer used, or the best article's confidence
     */
    record Escalate(EscalationReason reason, String detail, String acknowledgement) implements BotDecision {

        public Escalate {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
