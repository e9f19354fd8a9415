package io.touchpoint.ticket.application.knowledge;

import io.touchpoint.ticket.domain.knowledge.ArticleMatch;
import java.util.List;

/** Relevance-ranked search over a tenant's published articles. */
public interface ArticleSearch {

    /**
     * The published articles of {@code tenantId} that best match {@code text}, best first.
     *
     * @param text free text as a customer or agent writes it; it is not a query language
     * @param language a BCP 47 tag: only articles in its primary language are searched, with that language's analysis;
     *     null searches every language
     * @param limit at most this many matches
     */
    List<ArticleMatch> search(String tenantId, String text, String language, int limit);
}
