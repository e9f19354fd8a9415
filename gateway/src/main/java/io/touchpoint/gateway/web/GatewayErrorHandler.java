package io.touchpoint.gateway.web;

import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Turns every error the gateway itself raises (no route, downstream refusing connections, timeouts) into
 * problem+json. Runs before Boot's default handler, which would answer in its own JSON shape. Routes with a circuit
 * breaker answer their failures in {@code ServiceFallbackController}; this covers the others (health, streams), with
 * the same outcome: 503, or 504 for a timeout, both with Retry-After.
 */
@Component
@Order(-2)
public class GatewayErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    /** Seconds a client should wait before retrying when a service is unreachable. */
    static final String RETRY_AFTER_SECONDS = "2";

    private final Problems problems;

    public GatewayErrorHandler(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        if (streamsFull(error)) {
            return unavailable(
                    exchange,
                    "The service behind this path has as many open streams as the gateway allows. Retry later.");
        }
        if (Failures.causedBy(error, TimeoutException.class)) {
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            return problems.write(
                    exchange,
                    HttpStatus.GATEWAY_TIMEOUT,
                    "gateway_timeout",
                    "Gateway timeout",
                    "The service behind this path did not answer in time.");
        }
        if (Failures.causedBy(error, IOException.class)) {
            log.warn(
                    "{} {}: downstream unreachable: {}",
                    exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(),
                    error.getMessage());
            return unavailable(exchange, "The service behind this path is not reachable. Retry later.");
        }
        if (error instanceof ErrorResponse response) {
            HttpStatusCode status = response.getStatusCode();
            if (status.value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
                return unavailable(exchange, "The service behind this path is not available. Retry later.");
            }
            return problems.write(exchange, status, code(status), title(status), detail(status, response));
        }
        log.error(
                "{} {} failed",
                exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(),
                error);
        return problems.write(
                exchange,
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal_error",
                "Internal error",
                "The gateway failed to handle the request.");
    }

    /**
     * Every connection the streams' pool allows to the service is held by an open stream ({@code StreamConnections}).
     * Only that pool refuses instead of queueing; Reactor Netty shades the exception, which is not API.
     */
    private static boolean streamsFull(Throwable error) {
        return Failures.anyCause(
                error, cause -> cause.getClass().getSimpleName().equals("PoolAcquirePendingLimitException"));
    }

    private Mono<Void> unavailable(ServerWebExchange exchange, String detail) {
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return problems.write(
                exchange, HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable", "Service unavailable", detail);
    }

    private static String detail(HttpStatusCode status, ErrorResponse response) {
        if (status.value() == HttpStatus.NOT_FOUND.value()) {
            return "No resource at this path.";
        }
        String detail = response.getBody().getDetail();
        return detail != null ? detail : title(status);
    }

    private static String code(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known != null ? known.name().toLowerCase() : "http_" + status.value();
    }

    private static String title(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known != null ? known.getReasonPhrase() : "HTTP " + status.value();
    }
}
