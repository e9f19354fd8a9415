package io.touchpoint.starter.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem response from code that runs outside Spring MVC (servlet filters), in the same shape the
 * controller advice produces.
 */
public final class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {}

    /** Adds {@code instance} and {@code requestId} from the request and writes the problem as the response. */
    public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        complete(problem, request);
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(JSON.writeValueAsBytes(toMap(problem)));
        response.flushBuffer();
    }

    /** Fills in the members that come from the request, unless they are already set. */
    public static ProblemDetail complete(ProblemDetail problem, HttpServletRequest request) {
        if (problem.getInstance() == null) {
            problem.setInstance(instance(request.getRequestURI()));
        }
        String requestId = RequestId.of(request);
        if (requestId != null) {
            problem.setProperty(Problems.REQUEST_ID, requestId);
        }
        return problem;
    }

    static URI instance(String path) {
        try {
            return (path != null) ? URI.create(path) : null;
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }

    static Map<String, Object> toMap(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        if (problem.getDetail() != null) {
            body.put("detail", problem.getDetail());
        }
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }
}
