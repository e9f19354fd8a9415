package io.touchpoint.starter.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Replaces Boot's whitelabel/JSON error controller: errors that happen outside Spring MVC (a filter, the container)
 * and are forwarded to {@code /error} also become problems, without the exception's message or trace.
 */
@Controller
@RequestMapping("${spring.web.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final ErrorAttributes errorAttributes;

    public ProblemErrorController(ErrorAttributes errorAttributes) {
        this.errorAttributes = errorAttributes;
    }

    @RequestMapping
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatusCode status = status(request);
        ProblemDetail problem = Problems.of(status, Problems.defaultCode(status), null);
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path) {
            problem.setInstance(ProblemResponses.instance(path));
        }
        ProblemResponses.complete(problem, request);
        String requestId = RequestId.of(request);
        if (status.is5xxServerError()) {
            Throwable error = errorAttributes.getError(new ServletWebRequest(request));
            log.error("Unexpected error on {} [requestId={}]", problem.getInstance(), requestId, error);
            problem.setDetail("An unexpected error occurred. Quote request id " + requestId + " when reporting it.");
        }
        HttpHeaders headers = new HttpHeaders();
        if (requestId != null) {
            headers.set(RequestId.HEADER, requestId);
        }
        return ResponseEntity.status(status)
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static HttpStatusCode status(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code) {
            try {
                return HttpStatusCode.valueOf(code);
            } catch (IllegalArgumentException ignored) {
                // fall through
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
