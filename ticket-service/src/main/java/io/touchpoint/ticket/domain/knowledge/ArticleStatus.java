package io.touchpoint.ticket.domain.knowledge;

/** Only published articles are searchable and can be sent to customers; drafts are work in progress. */
public enum ArticleStatus {
    DRAFT,
    PUBLISHED
}
