package io.touchpoint.ticket.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.touchpoint.test.infrastructure.RealInfrastructure;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/** {@code /v1/tickets/knowledge-base/**} over HTTP against the real MongoDB-protocol server. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "touchpoint.tenant-context.key=" + KnowledgeApi.TENANT_CONTEXT_KEY)
@RealInfrastructure
class KnowledgeBaseApiIT {

    private static final String ARTICLES = "/v1/tickets/knowledge-base/articles";

    private static final String RESET_PASSWORD =
            """
            {"title": "How to reset your password",
             "body": "Open Settings, choose Security and click Reset password. We email you a link.",
             "language": "en", "tags": ["Account", "account", "security"], "status": "published"}""";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    KnowledgeApi tenantA;

    KnowledgeApi tenantB;

    @BeforeEach
    void clients() {
        tenantA = KnowledgeApi.forTenant(port, "tenant_a");
        tenantB = KnowledgeApi.forTenant(port, "tenant_b");
    }

    @Test
    void createdArticleCanBeReadChangedAndDeleted() {
        HttpResponse<String> created = tenantA.postJson(ARTICLES, RESET_PASSWORD);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JsonPath.read(created.body(), "$.id");
        assertThat(id).startsWith("kba_");
        assertThat(created.headers().firstValue("Location")).hasValue(ARTICLES + "/" + id);
        assertThat(created.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(JsonPath.<List<String>>read(created.body(), "$.tags")).containsExactly("account", "security");
        assertThat(JsonPath.<String>read(created.body(), "$.status")).isEqualTo("published");
        assertThat(JsonPath.<String>read(created.body(), "$.createdAt")).isNotBlank();

        HttpResponse<String> read = tenantA.get(ARTICLES + "/" + id);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("ETag")).hasValue("\"1\"");

        HttpResponse<String> updated = tenantA.patchJson(
                ARTICLES + "/" + id,
                "{\"title\": \"Resetting your password\", \"language\": \"en-gb\"}",
                Map.of("If-Match", "\"1\""));
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(updated.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(JsonPath.<String>read(updated.body(), "$.title")).isEqualTo("Resetting your password");
        assertThat(JsonPath.<String>read(updated.body(), "$.language")).isEqualTo("en-GB");
        assertThat(JsonPath.<String>read(updated.body(), "$.body")).startsWith("Open Settings");

        assertThat(tenantA.delete(ARTICLES + "/" + id, Map.of("If-Match", "\"2\""))
                        .statusCode())
                .isEqualTo(204);
        assertProblem(tenantA.get(ARTICLES + "/" + id), 404);
    }

    @Test
    void staleIfMatchIsRefusedAndChangesNothing() {
        String id = create(tenantA, RESET_PASSWORD);
        tenantA.patchJson(ARTICLES + "/" + id, "{\"title\": \"Second\"}", Map.of("If-Match", "\"1\""));

        assertProblem(
                tenantA.patchJson(ARTICLES + "/" + id, "{\"title\": \"Lost\"}", Map.of("If-Match", "\"1\"")), 412);
        assertProblem(tenantA.delete(ARTICLES + "/" + id, Map.of("If-Match", "\"1\"")), 412);

        HttpResponse<String> current = tenantA.get(ARTICLES + "/" + id);
        assertThat(JsonPath.<String>read(current.body(), "$.title")).isEqualTo("Second");
        assertThat(current.headers().firstValue("ETag")).hasValue("\"2\"");
    }

    @Test
    void anotherTenantsArticleIsNotFound() {
        String id = create(tenantA, RESET_PASSWORD);

        assertProblem(tenantB.get(ARTICLES + "/" + id), 404);
        assertProblem(tenantB.patchJson(ARTICLES + "/" + id, "{\"title\": \"mine\"}", Map.of()), 404);
        assertProblem(tenantB.delete(ARTICLES + "/" + id, Map.of()), 404);
        assertThat(tenantB.get(ARTICLES).body()).doesNotContain(id);
        assertThat(JsonPath.<String>read(tenantA.get(ARTICLES + "/" + id).body(), "$.title"))
                .isEqualTo("How to reset your password");
    }

    @Test
    void searchRanksTheTenantsPublishedArticlesByRelevance() {
        KnowledgeApi tenant = KnowledgeApi.forTenant(port, "tenant_search");
        String reset = create(tenant, RESET_PASSWORD);
        String shipping = create(
                tenant, article("Shipping times", Articles.unrelatedBodyMentioning("password"), "en", "published"));
        String draft = create(tenant, article("Password rules", "Passwords need twelve characters.", "en", "draft"));
        create(tenant, article("Passwort zurücksetzen", "Öffnen Sie die Einstellungen.", "de", "published"));

        HttpResponse<String> found = tenant.get(search("reset password", "en"));

        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(found.body(), "$.data[*].id")).containsExactly(reset, shipping);
        assertThat(JsonPath.<Double>read(found.body(), "$.data[0].confidence")).isEqualTo(1.0);
        assertThat(JsonPath.<String>read(found.body(), "$.data[0].title")).isEqualTo("How to reset your password");
        assertThat(JsonPath.<String>read(found.body(), "$.data[0].summary")).startsWith("Open Settings");
        assertThat(found.body()).doesNotContain(draft);
        assertThat(JsonPath.<List<String>>read(
                        tenant.get(search("Passwörter", "de")).body(), "$.data[*].title"))
                .containsExactly("Passwort zurücksetzen");
        assertThat(JsonPath.<List<String>>read(
                        tenant.get(search("password", "en") + "&limit=1").body(), "$.data"))
                .hasSize(1);
    }

    @Test
    void searchFollowsEveryWrite() {
        KnowledgeApi tenant = KnowledgeApi.forTenant(port, "tenant_writes");
        String refunds = create(tenant, article("Refund policy", "Ask for a refund within 30 days.", "en", "draft"));
        assertThat(ids(tenant.get(search("refunds", "en")))).isEmpty();

        tenant.patchJson(ARTICLES + "/" + refunds, "{\"status\": \"published\"}", Map.of());
        assertThat(ids(tenant.get(search("refunds", "en")))).containsExactly(refunds);

        tenant.patchJson(
                ARTICLES + "/" + refunds, "{\"title\": \"Money back\", \"body\": \"Within 30 days.\"}", Map.of());
        assertThat(ids(tenant.get(search("refunds", "en")))).isEmpty();
        assertThat(ids(tenant.get(search("money back", "en")))).containsExactly(refunds);

        tenant.delete(ARTICLES + "/" + refunds, Map.of());
        assertThat(ids(tenant.get(search("money back", "en")))).isEmpty();
    }

    @Test
    void searchSeesWhatAnotherReplicaWroteOnceItsRevisionIsRecorded() {
        KnowledgeApi tenant = KnowledgeApi.forTenant(port, "tenant_replicas");
        create(tenant, RESET_PASSWORD);
        assertThat(ids(tenant.get(search("loyalty points", "en")))).isEmpty();

        // What another replica's write does: store the article, then advance the tenant's revision.
        Date now = new Date();
        mongo.getCollection("knowledge_articles")
                .insertOne(new Document("_id", "kba_01replica0000000000000000")
                        .append("tenantId", tenant.tenantId())
                        .append("title", "Loyalty points")
                        .append("body", "Points expire after a year.")
                        .append("language", "en")
                        .append("primaryLanguage", "en")
                        .append("tags", List.of())
                        .append("status", "PUBLISHED")
                        .append("version", 1L)
                        .append("createdAt", now)
                        .append("updatedAt", now));
        assertThat(ids(tenant.get(search("loyalty points", "en"))))
                .as("the index is current until the revision says otherwise")
                .isEmpty();

        mongo.getCollection("knowledge_revisions")
                .updateOne(new Document("_id", tenant.tenantId()), new Document("$inc", new Document("revision", 1L)));
        assertThat(ids(tenant.get(search("loyalty points", "en")))).containsExactly("kba_01replica0000000000000000");
    }

    @Test
    void searchNeverReturnsAnotherTenantsArticles() {
        KnowledgeApi first = KnowledgeApi.forTenant(port, "tenant_first");
        KnowledgeApi second = KnowledgeApi.forTenant(port, "tenant_second");
        String firsts = create(first, RESET_PASSWORD);
        String seconds = create(second, article("Reset your password", "Use the reset link.", "en", "published"));

        assertThat(ids(second.get(search("reset password", "en")))).containsExactly(seconds);
        assertThat(ids(second.get(search("reset password", null)))).containsExactly(seconds);
        assertThat(ids(first.get(search("reset password", "en")))).containsExactly(firsts);
        assertThat(ids(KnowledgeApi.forTenant(port, "tenant_empty").get(search("reset password", "en"))))
                .isEmpty();
    }

    @Test
    void listIsCursorPaginatedInCreationOrderAndFiltered() {
        KnowledgeApi tenant = KnowledgeApi.forTenant(port, "tenant_paging");
        String first = create(tenant, article("One", "First.", "en", "published"));
        String second = create(tenant, article("Two", "Second.", "de-CH", "draft"));
        String third = create(tenant, article("Three", "Third.", "en-US", "published"));

        HttpResponse<String> page1 = tenant.get(ARTICLES + "?limit=2");
        assertThat(JsonPath.<List<String>>read(page1.body(), "$.data[*].id")).containsExactly(first, second);
        String next = JsonPath.read(page1.body(), "$.next");

        HttpResponse<String> page2 = tenant.get(ARTICLES + "?limit=2&after=" + next);
        assertThat(JsonPath.<List<String>>read(page2.body(), "$.data[*].id")).containsExactly(third);
        assertThat(page2.body()).doesNotContain("\"next\"");

        assertThat(JsonPath.<List<String>>read(
                        tenant.get(ARTICLES + "?status=published").body(), "$.data[*].id"))
                .containsExactly(first, third);
        assertThat(JsonPath.<List<String>>read(
                        tenant.get(ARTICLES + "?language=en").body(), "$.data[*].id"))
                .containsExactly(first, third);
        assertThat(JsonPath.<List<String>>read(
                        tenant.get(ARTICLES + "?language=de").body(), "$.data[*].id"))
                .containsExactly(second);
    }

    @Test
    void invalidRequestsAreProblemsAndStoreNothing() {
        long before = mongo.getCollection("knowledge_articles").countDocuments();

        assertProblem(tenantA.postJson(ARTICLES, article("T", "B", "english!", "draft")), 400);
        assertProblem(tenantA.postJson(ARTICLES, "{\"body\": \"B\", \"language\": \"en\"}"), 400);
        assertProblem(tenantA.postJson(ARTICLES, article(" ", "B", "en", "draft")), 400);
        assertProblem(tenantA.postJson(ARTICLES, article("T", "B", "en", "archived")), 400);
        assertProblem(
                tenantA.postJson(
                        ARTICLES,
                        "{\"title\": \"T\", \"body\": \"B\", \"language\": \"en\", \"tenantId\": \"tenant_b\"}"),
                400);
        assertProblem(tenantA.postJson(ARTICLES, "{\"title\": "), 400);
        assertProblem(tenantA.get(ARTICLES + "?limit=500"), 400);
        assertProblem(tenantA.get(ARTICLES + "?after=!!!"), 400);
        assertProblem(tenantA.get(ARTICLES + "?status=archived"), 400);
        assertProblem(tenantA.get(ARTICLES + "?language=en-"), 400);
        assertProblem(tenantA.get("/v1/tickets/knowledge-base/search"), 400);
        assertProblem(tenantA.get(search(" ", "en")), 400);
        assertProblem(tenantA.get(search("refund", "not a language")), 400);
        assertProblem(tenantA.get(search("refund", "en") + "&limit=0"), 400);

        assertThat(mongo.getCollection("knowledge_articles").countDocuments()).isEqualTo(before);
    }

    private static String article(String title, String body, String language, String status) {
        return """
                {"title": "%s", "body": "%s", "language": "%s", "status": "%s"}"""
                .formatted(title, body, language, status);
    }

    private static String search(String q, String language) {
        return "/v1/tickets/knowledge-base/search?q=" + KnowledgeApi.encode(q)
                + (language != null ? "&language=" + KnowledgeApi.encode(language) : "");
    }

    private static List<String> ids(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonPath.read(response.body(), "$.data[*].id");
    }

    private static String create(KnowledgeApi tenant, String json) {
        HttpResponse<String> created = tenant.postJson(ARTICLES, json);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JsonPath.read(created.body(), "$.id");
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JsonPath.<String>read(response.body(), "$.code")).isNotBlank();
    }
}
