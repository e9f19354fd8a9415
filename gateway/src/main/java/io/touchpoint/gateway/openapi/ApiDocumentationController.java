package io.touchpoint.gateway.openapi;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/** The public API's description ({@code /v1/openapi.json}) and a page that renders it ({@code /docs}). */
@RestController
public class ApiDocumentationController {

    private static final Resource PAGE = new ClassPathResource("openapi/docs.html");

    /** The page runs its own inline script and style and fetches the document from here; nothing else. */
    private static final String PAGE_CONTENT_POLICY = "default-src 'none'; script-src 'unsafe-inline'; "
            + "style-src 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'";

    private final ServiceApiDocuments documents;

    public ApiDocumentationController(ServiceApiDocuments documents) {
        this.documents = documents;
    }

    @GetMapping(path = "/v1/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ObjectNode> openApi(ServerHttpRequest request) {
        return documents.document().map(document -> {
            ObjectNode copy = document.deepCopy();
            copy.putArray("servers").addObject().put("url", publicUrl(request));
            return copy;
        });
    }

    @GetMapping(path = "/docs", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<Resource> page() {
        return ResponseEntity.ok()
                .contentType(MediaType.TEXT_HTML)
                .header("Content-Security-Policy", PAGE_CONTENT_POLICY)
                .body(PAGE);
    }

    /** Where the caller reached the gateway (behind a proxy, Forwarded headers already applied by the server). */
    private static String publicUrl(ServerHttpRequest request) {
        return request.getURI().getScheme() + "://" + request.getURI().getRawAuthority();
    }
}
