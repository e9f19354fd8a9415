package io.touchpoint.gateway.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes RFC 9457 {@code application/problem+json} responses shaped as in the public API guide. */
@Component
public class Problems {

    static final String TYPE_BASE = "https://touchpoint.dev/problems/";

    /** One entry of a problem's {@code errors}: the request field at fault and what is wrong with it. */
    public record FieldError(String field, String message) {}

    private final JsonMapper json;

    public Problems(JsonMapper json) {
        this.json = json;
    }

    /** Writes the problem and completes the response; {@code code} is snake_case, its type URI kebab-case. */
    public Mono<Void> write(
            ServerWebExchange exchange, HttpStatusCode status, String code, String title, String detail) {
        return write(exchange, status, code, title, detail, List.of());
    }

    /** As {@link #write(ServerWebExchange, HttpStatusCode, String, String, String)}, naming each invalid field. */
    public Mono<Void> write(
            ServerWebExchange exchange,
            HttpStatusCode status,
            String code,
            String title,
            String detail,
            List<FieldError> errors) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE_BASE + code.replace('_', '-'));
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("code", code);
        problem.put("instance", exchange.getRequest().getPath().value());
        String requestId = exchange.getAttribute(RequestIdFilter.ATTRIBUTE);
        if (requestId != null) {
            problem.put("requestId", requestId);
        }
        if (!errors.isEmpty()) {
            problem.put("errors", errors);
        }
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer body = response.bufferFactory().wrap(json.writeValueAsBytes(problem));
        return response.writeWith(Mono.just(body));
    }
}
