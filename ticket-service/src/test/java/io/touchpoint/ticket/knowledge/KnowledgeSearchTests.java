package io.touchpoint.ticket.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchpoint.ticket.domain.knowledge.ArticleMatch;
import io.touchpoint.ticket.domain.knowledge.BotSettings;
import io.touchpoint.ticket.domain.knowledge.KnowledgeArticle;
import io.touchpoint.ticket.persistence.knowledge.LuceneArticleIndex;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ranking and language analysis of {@link LuceneArticleIndex}: what makes self-service answers good. */
class KnowledgeSearchTests {

    private static final String TENANT = "tenant_a";

    private final KnowledgeArticle resetPassword = Articles.published(
            TENANT,
            "en",
            "How to reset your password",
            "Open Settings, choose Security and click Reset password. We email you a link that works for 24 hours.",
            "account");

    private final KnowledgeArticle shipping = Articles.published(
            TENANT, "en", "Shipping times", Articles.unrelatedBodyMentioning("password"), "delivery");

    private final KnowledgeArticle refunds = Articles.published(
            TENANT,
            "en-GB",
            "Refund policy",
            "You can ask for a refund within 30 days of delivery. The money reaches your card within 5 business days.",
            "billing");

    private final KnowledgeArticle passwortDe = Articles.published(
            TENANT,
            "de",
            "Passwort zurücksetzen",
            "Öffnen Sie die Einstellungen und wählen Sie Sicherheit. Wir senden Ihnen einen Link per E-Mail.");

    private final LuceneArticleIndex index =
            LuceneArticleIndex.build(7, List.of(resetPassword, shipping, refunds, passwortDe));

    @Test
    void articleAboutTheQuestionRanksAboveOneThatMerelyMentionsItsWords() {
        List<ArticleMatch> matches = index.search("reset password", "en", 10);

        assertThat(matches).extracting(ArticleMatch::articleId).containsExactly(resetPassword.id(), shipping.id());
        assertThat(matches.get(0).score()).isGreaterThan(matches.get(1).score() * 2);
        assertThat(matches.get(0).confidence()).isGreaterThan(matches.get(1).confidence());
    }

    @Test
    void aWordInTheTitleCountsMoreThanTheSameWordInTheBody() {
        // Without the title boost the short body would win: BM25 favours it over the longer-than-average title.
        KnowledgeArticle inTitle = Articles.published(TENANT, "en", "Gift cards", "Buy online, redeem in store.");
        KnowledgeArticle inBody = Articles.published(TENANT, "en", "Vouchers", "Gift cards.");
        LuceneArticleIndex giftCards = LuceneArticleIndex.build(1, List.of(inBody, inTitle));

        assertThat(giftCards.search("gift cards", "en", 10))
                .extracting(ArticleMatch::articleId)
                .containsExactly(inTitle.id(), inBody.id());
        assertThat(LuceneArticleIndex.build(1, List.of(inBody, inTitle), 1, 1).search("gift cards", "en", 10))
                .extracting(ArticleMatch::articleId)
                .containsExactly(inBody.id(), inTitle.id());
    }

    @Test
    void englishStemmingFindsTheSingularForThePlural() {
        assertThat(index.search("refunds", "en", 10))
                .extracting(ArticleMatch::articleId)
                .containsExactly(refunds.id());
        assertThat(index.search("refunding", "en", 10))
                .extracting(ArticleMatch::articleId)
                .containsExactly(refunds.id());
    }

    @Test
    void germanArticlesAreAnalysedInGerman() {
        // Plural with umlaut against the singular: German stemming and umlaut folding, which English analysis lacks.
        assertThat(index.search("Passwörter", "de", 10))
                .extracting(ArticleMatch::articleId)
                .containsExactly(passwortDe.id());
        assertThat(index.search("passwoerter zurueckzusetzen", "de-AT", 10))
                .extracting(ArticleMatch::articleId)
                .containsExactly(passwortDe.id());
    }

    @Test
    void languageLimitsTheSearchToArticlesInItsPrimaryLanguage() {
        assertThat(index.search("Passwort", "en", 10)).isEmpty();
        assertThat(index.search("refund", "en-US", 10))
                .extracting(ArticleMatch::language)
                .containsExactly("en-GB");
        assertThat(index.search("refund", "fr", 10)).isEmpty();
    }

    @Test
    void withoutALanguageEveryLanguageIsSearchedInItsOwnAnalysis() {
        assertThat(index.search("Passwörter", null, 10))
                .extracting(ArticleMatch::articleId)
                .containsExactly(passwortDe.id());
        assertThat(index.search("refunds", null, 10))
                .extracting(ArticleMatch::articleId)
                .containsExactly(refunds.id());
    }

    @Test
    void aQuestionTheArticleCoversIsConfidentDespiteSmallTalk() {
        ArticleMatch best =
                index.search("Hi, how do I reset my password? Thanks!", "en", 1).get(0);

        assertThat(best.articleId()).isEqualTo(resetPassword.id());
        assertThat(best.confidence()).isGreaterThanOrEqualTo(BotSettings.DEFAULT_CONFIDENCE_THRESHOLD);
    }

    @Test
    void aQuestionTheKnowledgeBaseDoesNotCoverHasLowConfidence() {
        // Only "delivery" is known (refund article, shipping tag); the rest of the question is not.
        List<ArticleMatch> matches =
                index.search("Can I change the colour of my sofa cushions after delivery?", "en", 3);

        assertThat(matches).isNotEmpty();
        assertThat(matches).allSatisfy(match -> assertThat(match.confidence())
                .isLessThan(BotSettings.DEFAULT_CONFIDENCE_THRESHOLD));
    }

    @Test
    void anExactQuestionIsFullyConfident() {
        assertThat(index.search("refund policy", "en", 1).get(0).confidence()).isEqualTo(1.0);
    }

    @Test
    void draftsAreNotSearched() {
        KnowledgeArticle draft = Articles.draft(TENANT, "en", "Loyalty points", "Points expire after a year.");
        LuceneArticleIndex withDraft = LuceneArticleIndex.build(1, List.of(draft, refunds));

        assertThat(withDraft.size()).isEqualTo(1);
        assertThat(withDraft.search("loyalty points", null, 10)).isEmpty();
    }

    @Test
    void customerTextIsNeverParsedAsQuerySyntax() {
        assertThat(index.search("reset* \"password (AND -OR: title:[x TO y] ~2 \\", "en", 10))
                .extracting(ArticleMatch::articleId)
                .startsWith(resetPassword.id());
        assertThat(index.search("?!*", "en", 10)).isEmpty();
        assertThat(index.search("how do I do it", "en", 10)).isEmpty();
    }

    @Test
    void resultsCarryWhatAResultListShows() {
        ArticleMatch match = index.search("refund", "en", 1).get(0);

        assertThat(match.title()).isEqualTo("Refund policy");
        assertThat(match.language()).isEqualTo("en-GB");
        assertThat(match.summary()).startsWith("You can ask for a refund");
        assertThat(index.search("password", "en", 1)).hasSize(1);
        assertThat(index.revision()).isEqualTo(7);
    }
}
