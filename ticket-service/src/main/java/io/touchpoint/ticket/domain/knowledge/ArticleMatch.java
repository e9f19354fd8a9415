package io.touchpoint.ticket.domain.knowledge;

/**
 * A published article found for a question.
 *
 * @param summary the start of the article's body, for result lists
 * @param score the relevance score (BM25); only comparable within one search
 * @param confidence 0 to 1: how much of the question the article covers, each word weighted by how rare it is in the
 *     tenant's knowledge base, scaled down by the article's score relative to the best one. The bot answers only above
 *     the tenant's threshold.
 */
public record ArticleMatch(
        String articleId, String title, String language, String summary, double score, double confidence) {}
