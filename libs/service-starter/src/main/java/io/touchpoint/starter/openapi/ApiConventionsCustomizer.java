package io.touchpoint.starter.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.touchpoint.starter.idempotency.IdempotencyKeyFilter;
import io.touchpoint.starter.problem.Problems;
import io.touchpoint.starter.problem.RequestId;
import io.touchpoint.tenancy.TenantContextSigner;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Makes every operation of a service's OpenAPI document say what API.md promises for all of them, so that no
 * controller has to repeat it:
 *
 * <ul>
 *   <li>operations on the tenant filter's protected paths ({@code /v1/**}) require the {@value #SECURITY_SCHEME}
 *       scheme, {@code Authorization: Bearer}: what a client sends to the gateway. The signed
 *       {@value TenantContextSigner#HEADER} header the gateway puts in its place is the gateway's concern and is only
 *       described, in the scheme; the other operations (public, provider webhooks) say {@code security: []};
 *   <li>the platform's {@code application/problem+json} error responses, all with one {@value #PROBLEM} schema: 400,
 *       401 and 403 (protected operations), 404 (operations on one resource), 409, 412 ({@code PUT}/{@code PATCH},
 *       {@code If-Match}), 415 (operations with a body), 422 (writes), 429 and 503 (with {@code Retry-After});
 *   <li>the {@code X-Request-Id} header on every response;
 *   <li>the optional {@code Idempotency-Key} header on protected {@code POST}s.
 * </ul>
 *
 * <p>What an operation declares itself ({@code @ApiResponse}, {@code @SecurityRequirement}, an {@code Idempotency-Key}
 * parameter) is kept. {@code /error} and actuator paths are removed. Running it again on its own output changes
 * nothing.
 */
public class ApiConventionsCustomizer implements GlobalOpenApiCustomizer {

    /**
     * The security scheme protected operations require. The same name as the one scheme of the gateway's merged
     * document ({@code /v1/openapi.json}), which keeps the services' requirements and drops their schemes, so the
     * requirements resolve there as they do here.
     */
    public static final String SECURITY_SCHEME = "bearer";

    public static final String PROBLEM = "Problem";
    public static final String PROBLEM_FIELD_ERROR = "ProblemFieldError";
    public static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    static final String REQUEST_ID_HEADER = RequestId.HEADER;
    static final String RETRY_AFTER_HEADER = "Retry-After";
    static final String IDEMPOTENCY_KEY_PARAMETER = IdempotencyKeyFilter.HEADER;

    private static final String COMPONENTS = "#/components/";

    /** The error responses, by status: component name and description. */
    private static final Map<String, ErrorResponse> ERRORS = errors();

    private static final List<PathPattern> UNDOCUMENTED = patterns(List.of("/error", "/error/**", "/actuator/**"));

    private final List<PathPattern> protectedPaths;
    private final List<PathPattern> excludedPaths;

    /**
     * @param protectedPaths the path patterns the tenant filter guards (operations there require the bearer scheme)
     * @param excludedPaths the patterns it never guards, even under a protected one
     */
    public ApiConventionsCustomizer(List<String> protectedPaths, List<String> excludedPaths) {
        this.protectedPaths = patterns(protectedPaths);
        this.excludedPaths = patterns(excludedPaths);
    }

    @Override
    public void customise(OpenAPI openApi) {
        Components components = openApi.getComponents() != null ? openApi.getComponents() : new Components();
        openApi.setComponents(components);
        addComponents(components);
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().keySet().removeIf(this::undocumented);
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> customise(path, method, operation)));
    }

    private void customise(String path, HttpMethod method, Operation operation) {
        boolean secured = secured(path);
        if (operation.getSecurity() == null) {
            List<SecurityRequirement> security = new ArrayList<>(); // none: public, or a provider's own signature
            if (secured) {
                security.add(new SecurityRequirement().addList(SECURITY_SCHEME));
            }
            operation.setSecurity(security);
        }
        if (secured && method == HttpMethod.POST && !hasHeader(operation, IDEMPOTENCY_KEY_PARAMETER)) {
            operation.addParametersItem(new Parameter().$ref(COMPONENTS + "parameters/" + IDEMPOTENCY_KEY_PARAMETER));
        }
        ApiResponses responses = operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
        operation.setResponses(responses);
        responses.values().stream()
                .filter(response -> response.get$ref() == null)
                .forEach(response -> {
                    if (response.getHeaders() == null || !response.getHeaders().containsKey(REQUEST_ID_HEADER)) {
                        response.addHeaderObject(REQUEST_ID_HEADER, headerRef(REQUEST_ID_HEADER));
                    }
                });
        for (String status : errorStatuses(path, method, operation, secured)) {
            responses.computeIfAbsent(status, ignored -> new ApiResponse()
                    .$ref(COMPONENTS + "responses/" + ERRORS.get(status).component()));
        }
    }

    private static List<String> errorStatuses(String path, HttpMethod method, Operation operation, boolean secured) {
        boolean write = method == HttpMethod.POST
                || method == HttpMethod.PUT
                || method == HttpMethod.PATCH
                || method == HttpMethod.DELETE;
        List<String> statuses = new ArrayList<>();
        statuses.add("400");
        if (secured) {
            statuses.add("401");
            statuses.add("403");
        }
        if (path.contains("{")) {
            statuses.add("404");
        }
        if (write) {
            statuses.add("409");
        }
        if (method == HttpMethod.PUT || method == HttpMethod.PATCH) {
            statuses.add("412");
        }
        if (operation.getRequestBody() != null) {
            statuses.add("415");
        }
        if (write && method != HttpMethod.DELETE) {
            statuses.add("422");
        }
        statuses.add("429");
        statuses.add("503");
        return statuses;
    }

    private boolean secured(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return protectedPaths.stream().anyMatch(pattern -> pattern.matches(container))
                && excludedPaths.stream().noneMatch(pattern -> pattern.matches(container));
    }

    private boolean undocumented(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return UNDOCUMENTED.stream().anyMatch(pattern -> pattern.matches(container));
    }

    private static boolean hasHeader(Operation operation, String name) {
        return operation.getParameters() != null
                && operation.getParameters().stream()
                        .anyMatch(parameter ->
                                ("header".equals(parameter.getIn()) && name.equalsIgnoreCase(parameter.getName()))
                                        || (COMPONENTS + "parameters/" + name).equals(parameter.get$ref()));
    }

    private static void addComponents(Components components) {
        if (components.getSchemas() == null || !components.getSchemas().containsKey(PROBLEM)) {
            components.addSchemas(PROBLEM_FIELD_ERROR, fieldErrorSchema());
            components.addSchemas(PROBLEM, problemSchema());
        }
        if (components.getSecuritySchemes() == null
                || !components.getSecuritySchemes().containsKey(SECURITY_SCHEME)) {
            components.addSecuritySchemes(SECURITY_SCHEME, securityScheme());
        }
        if (components.getHeaders() == null || !components.getHeaders().containsKey(REQUEST_ID_HEADER)) {
            components.addHeaders(
                    REQUEST_ID_HEADER,
                    new Header()
                            .description("The request's id: the caller's X-Request-Id when it sent a valid one, else a"
                                    + " new one. Quote it when reporting a problem; it is in every log line of the"
                                    + " request.")
                            .schema(string().example("req_4f9a2c1e7b3d5a8c0e6f1b2d")));
            components.addHeaders(
                    RETRY_AFTER_HEADER,
                    new Header()
                            .description("Seconds to wait before trying again.")
                            .schema(schema("integer").minimum(BigDecimal.ZERO)));
        }
        if (components.getParameters() == null || !components.getParameters().containsKey(IDEMPOTENCY_KEY_PARAMETER)) {
            components.addParameters(
                    IDEMPOTENCY_KEY_PARAMETER,
                    new Parameter()
                            .in("header")
                            .name(IDEMPOTENCY_KEY_PARAMETER)
                            .required(false)
                            .description("Makes the request safe to retry: the same key with the same body within 24 h"
                                    + " returns the first response again, with Idempotent-Replayed: true; the same key"
                                    + " with a different body is refused (422); while the first request still runs, a"
                                    + " repeat gets 409. Use a new random value (a UUID) per intended operation.")
                            .schema(string().minLength(1).maxLength(255)));
        }
        ERRORS.forEach((status, error) -> {
            if (components.getResponses() == null || !components.getResponses().containsKey(error.component())) {
                components.addResponses(error.component(), problemResponse(status, error.description()));
            }
        });
    }

    private static ApiResponse problemResponse(String status, String description) {
        ApiResponse response = new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                PROBLEM_JSON,
                                new MediaType().schema(new Schema<>().$ref(COMPONENTS + "schemas/" + PROBLEM))))
                .addHeaderObject(REQUEST_ID_HEADER, headerRef(REQUEST_ID_HEADER));
        if (status.equals("429") || status.equals("503")) {
            response.addHeaderObject(RETRY_AFTER_HEADER, headerRef(RETRY_AFTER_HEADER));
        }
        return response;
    }

    private static Header headerRef(String name) {
        return new Header().$ref(COMPONENTS + "headers/" + name);
    }

    private static SecurityScheme securityScheme() {
        return new SecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .description("An API key (tp_…) or a JWT from the company's identity provider, as 'Authorization:"
                        + " Bearer <token>', sent to the gateway. The gateway checks it and the operation's scopes"
                        + " (403 when one is missing) and calls the service with a signed "
                        + TenantContextSigner.HEADER
                        + " header instead; a service refuses /v1 requests without a valid one (401), so"
                        + " clients always go through the gateway.");
    }

    private static Schema<?> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put(
                "type",
                string().format("uri")
                        .description("Identifies the kind of problem; stable, and the same for every service.")
                        .example(Problems.TYPE_PREFIX + "invalid-transition"));
        properties.put(
                "title",
                string().description("Short summary of the kind of problem.").example("Transition not allowed"));
        properties.put(
                "status",
                schema("integer")
                        .format("int32")
                        .description("The HTTP status code.")
                        .example(409));
        properties.put(
                "detail",
                string().description("What went wrong this time, for a human.")
                        .example("A closed ticket cannot be escalated."));
        properties.put(
                "instance",
                string().format("uri-reference")
                        .description("The path of the request.")
                        .example("/v1/tickets/tkt_123/escalate"));
        properties.put(
                Problems.CODE,
                string().pattern("^[a-z][a-z0-9_]*$")
                        .description("The kind of problem in snake_case, for programs: the last segment of 'type'.")
                        .example("invalid_transition"));
        properties.put(
                Problems.REQUEST_ID,
                string().description("The request's id, as in the X-Request-Id header.")
                        .example("req_4f9a2c1e7b3d5a8c0e6f1b2d"));
        properties.put(
                Problems.ERRORS,
                schema("array")
                        .items(new Schema<>().$ref(COMPONENTS + "schemas/" + PROBLEM_FIELD_ERROR))
                        .description("The invalid fields of the request, when there are any."));
        Schema<?> problem = schema("object")
                .description("An RFC 9457 problem (application/problem+json) with the platform's extensions: code,"
                        + " requestId and errors. Never carries a stack trace.");
        problem.setProperties(properties);
        problem.setRequired(List.of("type", "title", "status", Problems.CODE));
        return problem;
    }

    private static Schema<?> fieldErrorSchema() {
        Schema<?> fieldError = schema("object").description("One invalid field of a request.");
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put(
                "field",
                string().description("The field's path in the request.").example("priority"));
        properties.put(
                "message",
                string().description("Why it is invalid.").example("must be one of low, normal, high, urgent"));
        fieldError.setProperties(properties);
        fieldError.setRequired(List.of("field", "message"));
        return fieldError;
    }

    private static Schema<Object> string() {
        return schema("string");
    }

    /** A schema of one type, written as {@code type} by both the OpenAPI 3.0 and the 3.1 serialisers. */
    private static Schema<Object> schema(String type) {
        Schema<Object> schema = new Schema<>();
        schema.setType(type);
        schema.setTypes(Set.of(type));
        return schema;
    }

    private static Map<String, ErrorResponse> errors() {
        Map<String, ErrorResponse> errors = new LinkedHashMap<>();
        errors.put("400", new ErrorResponse("BadRequest", "The request is malformed or invalid (see errors[])."));
        errors.put("401", new ErrorResponse("Unauthorized", "No credentials, or credentials that are not valid."));
        errors.put("403", new ErrorResponse("Forbidden", "The credentials lack a scope the operation needs."));
        errors.put(
                "404",
                new ErrorResponse(
                        "NotFound", "No such resource, or it belongs to another tenant (the two look the same)."));
        errors.put("409", new ErrorResponse("Conflict", "The resource's current state does not allow the request."));
        errors.put(
                "412",
                new ErrorResponse("PreconditionFailed", "If-Match does not match the resource's current version."));
        errors.put("415", new ErrorResponse("UnsupportedMediaType", "The request body's media type is not accepted."));
        errors.put(
                "422",
                new ErrorResponse(
                        "UnprocessableContent",
                        "The request is well-formed but cannot be applied, or reuses an Idempotency-Key with a"
                                + " different body."));
        errors.put("429", new ErrorResponse("TooManyRequests", "Rate limited: retry after Retry-After seconds."));
        errors.put(
                "503",
                new ErrorResponse(
                        "ServiceUnavailable",
                        "A dependency is unavailable: retry after Retry-After seconds (a POST with the same"
                                + " Idempotency-Key)."));
        return Collections.unmodifiableMap(errors);
    }

    /** A reusable error response: its name under {@code components.responses}, and what it means. */
    private record ErrorResponse(String component, String description) {}

    private static List<PathPattern> patterns(List<String> patterns) {
        return patterns.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }
}
