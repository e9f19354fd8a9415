package io.touchpoint.starter.tenant;

import io.touchpoint.starter.problem.ProblemResponses;
import io.touchpoint.starter.problem.Problems;
import io.touchpoint.starter.problem.RequestIdFilter;
import io.touchpoint.tenancy.InvalidTenantContextException;
import io.touchpoint.tenancy.TenantContext;
import io.touchpoint.tenancy.TenantContextSigner;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Refuses requests to protected paths that do not carry a valid tenant context signed by the gateway, and binds the
 * verified context to the request, the thread and the logging MDC while the request runs.
 */
public class TenantContextFilter extends OncePerRequestFilter {

    /** After the request id filter, so that a 401 carries the request id. */
    public static final int ORDER = RequestIdFilter.ORDER + 10;

    /** Request attribute holding the verified {@link TenantContext}. */
    public static final String ATTRIBUTE = TenantContext.class.getName();

    public static final String MDC_KEY = "tenant";

    private static final Logger log = LoggerFactory.getLogger(TenantContextFilter.class);

    private final TenantContextSigner signer;
    private final List<PathPattern> protectedPaths;
    private final List<PathPattern> excludedPaths;

    public TenantContextFilter(TenantContextSigner signer, List<String> protectedPaths, List<String> excludedPaths) {
        this.signer = signer;
        this.protectedPaths = parse(protectedPaths);
        this.excludedPaths = parse(excludedPaths);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        PathContainer path = RequestPath.parse(request.getRequestURI(), request.getContextPath())
                .pathWithinApplication();
        return excludedPaths.stream().anyMatch(pattern -> pattern.matches(path))
                || protectedPaths.stream().noneMatch(pattern -> pattern.matches(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        TenantContext context;
        try {
            context = signer.verify(request.getHeader(TenantContextSigner.HEADER));
        } catch (InvalidTenantContextException e) {
            log.info("Refused {} {}: tenant context {}", request.getMethod(), request.getRequestURI(), e.reason());
            ProblemDetail problem = Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", detail(e.reason()));
            ProblemResponses.write(request, response, problem);
            return;
        }
        request.setAttribute(ATTRIBUTE, context);
        MDC.put(MDC_KEY, context.tenantId());
        try (TenantContextHolder.Binding ignored = TenantContextHolder.bind(context)) {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    private static String detail(InvalidTenantContextException.Reason reason) {
        return switch (reason) {
            case MISSING -> "The request has no tenant context; call the API through the gateway.";
            case MALFORMED -> "The tenant context header is malformed.";
            case EXPIRED -> "The tenant context has expired.";
            case FORGED -> "The tenant context has an invalid signature.";
        };
    }

    private static List<PathPattern> parse(List<String> patterns) {
        return patterns.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }
}
