package io.touchpoint.ticket.web.knowledge;

import io.touchpoint.tenancy.TenantContext;
import io.touchpoint.ticket.application.knowledge.ArticleManagement;
import io.touchpoint.ticket.application.knowledge.ArticleManagement.CreateArticle;
import io.touchpoint.ticket.application.knowledge.ArticleManagement.UpdateArticle;
import io.touchpoint.ticket.application.knowledge.ArticleStore.ArticleFilter;
import io.touchpoint.ticket.domain.knowledge.ArticleMatch;
import io.touchpoint.ticket.domain.knowledge.ArticleStatus;
import io.touchpoint.ticket.domain.knowledge.KnowledgeArticle;
import io.touchpoint.ticket.domain.knowledge.LanguageTags;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/tickets/knowledge-base}: a tenant's help articles and their relevance-ranked search. Scopes are the
 * gateway's for {@code /v1/tickets/**}: reads need {@code tickets:read} or {@code agent}, writes {@code tickets:write}
 * or {@code agent}.
 */
@RestController
@RequestMapping("/v1/tickets/knowledge-base")
class KnowledgeBaseController {

    private static final String ARTICLES = "/v1/tickets/knowledge-base/articles";

    private static final String STATUS = "draft|published";

    private static final String STATUS_MESSAGE = "must be one of draft, published";

    private static final String NOT_BLANK = "(?s).*\\S.*";

    private final ArticleManagement articles;

    KnowledgeBaseController(ArticleManagement articles) {
        this.articles = articles;
    }

    @PostMapping("/articles")
    ResponseEntity<ArticleResponse> create(TenantContext tenant, @Valid @RequestBody CreateArticleRequest request) {
        KnowledgeArticle created = articles.create(
                tenant.tenantId(),
                new CreateArticle(
                        request.title(), request.body(), request.language(), request.tags(), status(request.status())));
        return ResponseEntity.created(URI.create(ARTICLES + "/" + created.id()))
                .eTag(ETags.of(created.version()))
                .body(ArticleResponse.of(created));
    }

    @GetMapping("/articles")
    PageResponse<ArticleResponse> list(
            TenantContext tenant,
            @RequestParam(required = false) @Pattern(regexp = STATUS, message = STATUS_MESSAGE) String status,
            @RequestParam(required = false) @LanguageTag String language,
            @RequestParam(required = false) @Size(max = 50) String tag,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) String after) {
        var filter = new ArticleFilter(
                status(status),
                LanguageTags.primary(language),
                tag != null && !tag.isBlank() ? tag.trim().toLowerCase(Locale.ROOT) : null);
        List<KnowledgeArticle> fetched = articles.page(tenant.tenantId(), filter, Cursor.decode(after), limit + 1);
        return PageResponse.of(fetched, limit, KnowledgeArticle::id, ArticleResponse::of);
    }

    @GetMapping("/articles/{id}")
    ResponseEntity<ArticleResponse> get(TenantContext tenant, @PathVariable String id) {
        KnowledgeArticle article = articles.get(tenant.tenantId(), id);
        return ResponseEntity.ok().eTag(ETags.of(article.version())).body(ArticleResponse.of(article));
    }

    @PatchMapping("/articles/{id}")
    ResponseEntity<ArticleResponse> update(
            TenantContext tenant,
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody UpdateArticleRequest request) {
        KnowledgeArticle updated = articles.update(
                tenant.tenantId(),
                id,
                new UpdateArticle(
                        request.title(), request.body(), request.language(), request.tags(), status(request.status())),
                ETags.version(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(updated.version())).body(ArticleResponse.of(updated));
    }

    @DeleteMapping("/articles/{id}")
    ResponseEntity<Void> delete(
            TenantContext tenant,
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        articles.delete(tenant.tenantId(), id, ETags.version(ifMatch));
        return ResponseEntity.noContent().build();
    }

    /**
     * The published articles that best answer {@code q}, best first. {@code q} is plain text (a customer's question),
     * not a query language.
     *
     * @param language only articles in this language (its primary subtag: {@code en} finds {@code en-GB} articles)
     */
    @GetMapping("/search")
    SearchResponse search(
            TenantContext tenant,
            @RequestParam @NotBlank @Size(max = 1000) String q,
            @RequestParam(required = false) @LanguageTag String language,
            @RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit) {
        List<ArticleMatch> matches = articles.search(tenant.tenantId(), q, language, limit);
        return new SearchResponse(matches.stream().map(MatchResponse::of).toList());
    }

    private static ArticleStatus status(String status) {
        return status != null ? ArticleStatus.valueOf(status.toUpperCase(Locale.ROOT)) : null;
    }

    /**
     * A new article.
     *
     * @param language BCP 47; decides how the article is analysed for search
     * @param status {@code draft} (the default) or {@code published}; only published articles are searched
     */
    record CreateArticleRequest(
            @NotBlank @Size(max = 300) String title,
            @NotBlank @Size(max = 50_000) String body,
            @NotNull @LanguageTag String language,
            @Size(max = 20) List<@NotBlank @Size(max = 50) String> tags,
            @Pattern(regexp = STATUS, message = STATUS_MESSAGE) String status) {}

    /** A partial change: fields left out stay as they are; {@code tags} replaces all tags. */
    record UpdateArticleRequest(
            @Size(max = 300) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String title,
            @Size(max = 50_000) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String body,
            @LanguageTag String language,
            @Size(max = 20) List<@NotBlank @Size(max = 50) String> tags,
            @Pattern(regexp = STATUS, message = STATUS_MESSAGE) String status) {}

    record ArticleResponse(
            String id,
            String title,
            String body,
            String language,
            List<String> tags,
            String status,
            long version,
            Instant createdAt,
            Instant updatedAt) {

        static ArticleResponse of(KnowledgeArticle article) {
            return new ArticleResponse(
                    article.id(),
                    article.title(),
                    article.body(),
                    article.language(),
                    article.tags(),
                    article.status().name().toLowerCase(Locale.ROOT),
                    article.version(),
                    article.createdAt(),
                    article.updatedAt());
        }
    }

    /** Search results, best first; not paginated: {@code limit} bounds them. */
    record SearchResponse(List<MatchResponse> data) {}

    /**
     * One search result.
     *
     * @param summary the start of the article's body
     * @param score the BM25 relevance score, comparable only within one search
     * @param confidence 0 to 1: how much of the question the article covers (the bot's threshold applies to it)
     */
    record MatchResponse(String id, String title, String language, String summary, double score, double confidence) {

        static MatchResponse of(ArticleMatch match) {
            return new MatchResponse(
                    match.articleId(),
                    match.title(),
                    match.language(),
                    match.summary(),
                    Math.round(match.score() * 1000) / 1000.0,
                    match.confidence());
        }
    }
}
