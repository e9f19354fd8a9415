package io.touchpoint.ticket.web;

import io.touchpoint.starter.problem.FieldError;
import io.touchpoint.starter.problem.ProblemResponses;
import io.touchpoint.starter.problem.Problems;
import io.touchpoint.ticket.domain.InvalidFieldException;
import io.touchpoint.ticket.domain.InvalidTransitionException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The ticket domain's refusals as problems; everything else is the starter's. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class TicketExceptionHandler {

    @ExceptionHandler(InvalidTransitionException.class)
    ProblemDetail invalidTransition(InvalidTransitionException ex, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "invalid_transition", ex.getMessage());
        problem.setTitle("Transition not allowed");
        return ProblemResponses.complete(problem, request);
    }

    @ExceptionHandler(InvalidFieldException.class)
    ProblemDetail invalidField(InvalidFieldException ex, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation_failed", "1 field is invalid.");
        problem.setTitle("Validation failed");
        problem.setProperty(Problems.ERRORS, List.of(new FieldError(ex.field(), ex.getMessage())));
        return ProblemResponses.complete(problem, request);
    }
}
