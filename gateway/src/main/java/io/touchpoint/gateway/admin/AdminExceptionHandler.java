package io.touchpoint.gateway.admin;

import io.touchpoint.gateway.tenant.TenantConflictException;
import io.touchpoint.gateway.tenant.TenantNotFoundException;
import io.touchpoint.gateway.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/** The admin API's errors as problem+json. */
@RestControllerAdvice(basePackageClasses = AdminExceptionHandler.class)
class AdminExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(AdminExceptionHandler.class);

    private final Problems problems;

    AdminExceptionHandler(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler
    Mono<Void> invalid(InvalidRequestException error, ServerWebExchange exchange) {
        return problems.write(
                exchange,
                HttpStatus.BAD_REQUEST,
                "invalid_request",
                "Invalid request",
                error.getMessage(),
                error.errors());
    }

    @ExceptionHandler
    Mono<Void> invalidInput(ServerWebInputException error, ServerWebExchange exchange) {
        return problems.write(
                exchange, HttpStatus.BAD_REQUEST, "invalid_request", "Invalid request", error.getReason());
    }

    @ExceptionHandler
    Mono<Void> notFound(TenantNotFoundException error, ServerWebExchange exchange) {
        return problems.write(exchange, HttpStatus.NOT_FOUND, "not_found", "Not found", error.getMessage());
    }

    @ExceptionHandler
    Mono<Void> conflict(TenantConflictException error, ServerWebExchange exchange) {
        if (error.precondition()) {
            return problems.write(
                    exchange,
                    HttpStatus.PRECONDITION_FAILED,
                    "precondition_failed",
                    "Precondition failed",
                    error.getMessage());
        }
        return problems.write(exchange, HttpStatus.CONFLICT, "conflict", "Conflict", error.getMessage());
    }

    @ExceptionHandler
    Mono<Void> storeDown(DataAccessException error, ServerWebExchange exchange) {
        log.warn("Tenant store failed: {}", error.toString());
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "2");
        return problems.write(
                exchange,
                HttpStatus.SERVICE_UNAVAILABLE,
                "service_unavailable",
                "Service unavailable",
                "The tenant store is not available. Retry later.");
    }
}
