package io.touchpoint.starter.problem;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The starter's last-resort exception handling: every error leaves as an RFC 9457 problem in the platform's shape.
 * It has the lowest precedence, so a service's own {@code @RestControllerAdvice} handles its exceptions first.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    @ExceptionHandler(ProblemException.class)
    public ResponseEntity<Object> handleProblemException(ProblemException ex, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.detail());
        return respond(Problems.withCode(problem, ex.code()), new HttpHeaders(), request);
    }

    /** A database or broker that cannot be reached is a 503 the client may retry, not a 500. */
    @ExceptionHandler(DataAccessResourceFailureException.class)
    public ResponseEntity<Object> handleResourceFailure(DataAccessResourceFailureException ex, WebRequest request) {
        log.warn("Dependency unavailable [requestId={}]: {}", requestId(request), ex.getMessage());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "5");
        ProblemDetail problem = Problems.of(
                HttpStatus.SERVICE_UNAVAILABLE,
                "service_unavailable",
                "A service this request depends on is unavailable; try again shortly.");
        return respond(problem, headers, request);
    }

    /** Anything else is our fault: log it with the request id, and tell the caller nothing but that id. */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
        ResponseStatus declared = AnnotatedElementUtils.findMergedAnnotation(ex.getClass(), ResponseStatus.class);
        if (declared != null && !declared.code().is5xxServerError()) {
            ProblemDetail problem = Problems.of(declared.code(), Problems.defaultCode(declared.code()), null);
            return respond(problem, new HttpHeaders(), request);
        }
        String requestId = requestId(request);
        log.error("Unexpected error on {} [requestId={}]", describe(request), requestId, ex);
        ProblemDetail problem = Problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal_error",
                "An unexpected error occurred. Quote request id " + requestId + " when reporting it.");
        return respond(problem, new HttpHeaders(), request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = fieldErrors(ex.getBindingResult());
        ProblemDetail problem = validationFailed(errors);
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> parameterErrors(result).stream())
                .toList();
        ProblemDetail problem = validationFailed(errors);
        problem.setStatus(status.value());
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem =
                Problems.of(status, "malformed_body", "The request body is missing or is not valid JSON.");
        problem.setTitle("Malformed request body");
        if (ex.getCause() instanceof UnrecognizedPropertyException unknown) {
            problem.setDetail("The request body has a field this operation does not accept.");
            problem.setProperty(Problems.ERRORS, List.of(new FieldError(path(unknown), "unknown field")));
        } else if (ex.getCause() instanceof MismatchedInputException mismatched
                && !mismatched.getPath().isEmpty()) {
            problem.setDetail("A field of the request body has the wrong type.");
            problem.setProperty(Problems.ERRORS, List.of(new FieldError(path(mismatched), "wrong type")));
        }
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, noRoute(request), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoHandlerFoundException(
            NoHandlerFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, noRoute(request), headers, status, request);
    }

    /** Every response of this handler passes here: give the problem its code, instance and request id. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            if (problem.getProperties() == null || !problem.getProperties().containsKey(Problems.CODE)) {
                Problems.withCode(problem, codeFor(ex, status));
            }
            complete(problem, request);
        }
        return response;
    }

    private ResponseEntity<Object> respond(ProblemDetail problem, HttpHeaders headers, WebRequest request) {
        complete(problem, request);
        return createResponseEntity(problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    private static String codeFor(Exception ex, HttpStatusCode status) {
        if (status.value() == 400
                && (ex instanceof MissingServletRequestParameterException
                        || ex instanceof ServletRequestBindingException
                        || ex instanceof TypeMismatchException)) {
            return "invalid_parameter";
        }
        return Problems.defaultCode(status);
    }

    private static ProblemDetail validationFailed(List<FieldError> errors) {
        ProblemDetail problem = Problems.of(
                HttpStatus.BAD_REQUEST,
                "validation_failed",
                errors.size() == 1 ? "1 field is invalid." : errors.size() + " fields are invalid.");
        problem.setTitle("Validation failed");
        problem.setProperty(Problems.ERRORS, errors);
        return problem;
    }

    private static ProblemDetail noRoute(WebRequest request) {
        String target = describe(request);
        return Problems.of(HttpStatus.NOT_FOUND, "not_found", "No endpoint " + target + ".");
    }

    private static List<FieldError> fieldErrors(BindingResult result) {
        List<FieldError> errors = new ArrayList<>();
        result.getGlobalErrors().forEach(error -> errors.add(new FieldError(error.getObjectName(), message(error))));
        result.getFieldErrors().forEach(error -> errors.add(new FieldError(error.getField(), message(error))));
        return errors;
    }

    private static List<FieldError> parameterErrors(ParameterValidationResult result) {
        if (result instanceof ParameterErrors errors) {
            return fieldErrors(errors);
        }
        String name = result.getMethodParameter().getParameterName();
        return result.getResolvableErrors().stream()
                .map(error -> new FieldError(name, message(error)))
                .toList();
    }

    private static List<FieldError> fieldErrors(ParameterErrors errors) {
        List<FieldError> result = new ArrayList<>();
        errors.getFieldErrors().forEach(error -> result.add(new FieldError(error.getField(), message(error))));
        errors.getGlobalErrors()
                .forEach(error ->
                        result.add(new FieldError(errors.getMethodParameter().getParameterName(), message(error))));
        return result;
    }

    private static String message(MessageSourceResolvable error) {
        String message = error.getDefaultMessage();
        return (message != null) ? message : "is invalid";
    }

    private static String path(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static void complete(ProblemDetail problem, WebRequest request) {
        if (request instanceof ServletWebRequest servlet) {
            ProblemResponses.complete(problem, servlet.getRequest());
        }
    }

    private static String requestId(WebRequest request) {
        return (request instanceof ServletWebRequest servlet) ? RequestId.of(servlet.getRequest()) : null;
    }

    private static String describe(WebRequest request) {
        if (request instanceof ServletWebRequest servlet) {
            HttpServletRequest http = servlet.getRequest();
            return http.getMethod().toUpperCase(Locale.ROOT) + " " + http.getRequestURI();
        }
        return request.getDescription(false);
    }
}
