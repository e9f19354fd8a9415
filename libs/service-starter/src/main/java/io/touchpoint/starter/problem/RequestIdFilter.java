package io.touchpoint.starter.problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code X-Request-Id} (or makes one up), echoes it on the response, and keeps it in the request and in the
 * logging MDC while the request runs.
 */
public class RequestIdFilter extends OncePerRequestFilter {

    /** Right after the HTTP observation filter, so that trace and request ids are both known early. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = RequestId.acceptOrGenerate(request.getHeader(RequestId.HEADER));
        request.setAttribute(RequestId.ATTRIBUTE, requestId);
        response.setHeader(RequestId.HEADER, requestId);
        MDC.put(RequestId.MDC_KEY, requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(RequestId.MDC_KEY);
        }
    }
}
