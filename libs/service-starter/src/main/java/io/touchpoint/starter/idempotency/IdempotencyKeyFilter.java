package io.touchpoint.starter.idempotency;

import io.touchpoint.starter.problem.ProblemResponses;
import io.touchpoint.starter.problem.Problems;
import io.touchpoint.starter.tenant.TenantContextFilter;
import io.touchpoint.tenancy.TenantContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

/**
 * Makes a {@code POST} with an {@code Idempotency-Key} safe to retry: the first request runs and its response is
 * stored; a repeat with the same body gets the stored response again ({@code Idempotent-Replayed: true}); a repeat with
 * a different body is refused (422); a repeat while the first is still running is asked to retry (409).
 *
 * <p>Keys are scoped by tenant, so the filter only acts on requests that carry a verified tenant context. A 5xx (or
 * 429) response is not stored: the key is released so the client can try again.
 */
public class IdempotencyKeyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    /** After the tenant filter: keys belong to a tenant. */
    public static final int ORDER = TenantContextFilter.ORDER + 10;

    static final int MAX_KEY_LENGTH = 255;

    private static final String PENDING_KEY = IdempotencyKeyFilter.class.getName() + ".PENDING";

    private static final List<String> STORED_HEADERS =
            List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.LOCATION, HttpHeaders.ETAG);

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyFilter.class);

    private final IdempotencyRecordStore store;
    private final IdempotencyProperties properties;
    private final Clock clock;

    public IdempotencyKeyFilter(IdempotencyRecordStore store, IdempotencyProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    /** Async dispatches come through too, to store the response of a handler that went asynchronous. */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isAsyncDispatch(request)) {
            resumeAsync(request, response, chain);
            return;
        }
        if (!(request.getAttribute(TenantContextFilter.ATTRIBUTE) instanceof TenantContext tenant)) {
            chain.doFilter(request, response); // not a tenant's API call (e.g. a provider webhook)
            return;
        }
        String key = request.getHeader(HEADER);
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            ProblemResponses.write(
                    request,
                    response,
                    Problems.of(
                            HttpStatus.BAD_REQUEST,
                            "invalid_idempotency_key",
                            "Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " characters long."));
            return;
        }
        long maxBody = properties.maxBody().toBytes();
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBody + 1));
        if (body.length > maxBody) {
            ProblemResponses.write(
                    request,
                    response,
                    Problems.of(
                            HttpStatus.CONTENT_TOO_LARGE,
                            "payload_too_large",
                            "A request with an Idempotency-Key may carry at most " + properties.maxBody() + "."));
            return;
        }
        String hash = fingerprint(request, body);
        String id = tenant.tenantId() + "|" + key;

        Optional<IdempotencyRecord> existing;
        try {
            existing = claim(id, hash);
        } catch (DataAccessException e) {
            log.warn(
                    "Idempotency store unavailable for {} {}: {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    e.getMessage());
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            ProblemResponses.write(
                    request,
                    response,
                    Problems.of(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "service_unavailable",
                            "A service this request depends on is unavailable; try again shortly."));
            return;
        }
        if (existing.isPresent()) {
            answerRepeat(existing.get(), hash, request, response);
            return;
        }
        runAndStore(id, new CachedBodyRequest(request, body), response, chain);
    }

    /** Claims the key; an expired or abandoned record is dropped and the claim tried once more. */
    private Optional<IdempotencyRecord> claim(String id, String hash) {
        Instant now = clock.instant();
        IdempotencyRecord claim = IdempotencyRecord.inProgress(id, hash, now, properties.retention());
        Optional<IdempotencyRecord> existing = store.claim(claim);
        if (existing.isPresent() && existing.get().isStale(now, properties.lockTimeout())) {
            store.evict(existing.get());
            existing = store.claim(claim);
        }
        return existing;
    }

    private void runAndStore(String id, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper recorder = new ContentCachingResponseWrapper(response);
        boolean handled = false;
        try {
            chain.doFilter(request, recorder);
            if (request.isAsyncStarted()) {
                request.setAttribute(PENDING_KEY, id); // the async dispatch finishes the job
            } else {
                finish(id, recorder);
            }
            handled = true;
        } finally {
            if (!handled) {
                release(id);
                recorder.copyBodyToResponse();
            }
        }
    }

    /** The second half of a request whose handler went asynchronous: its response is complete now. */
    private void resumeAsync(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean handled = false;
        try {
            chain.doFilter(request, response);
            handled = true;
        } finally {
            ContentCachingResponseWrapper recorder =
                    WebUtils.getNativeResponse(response, ContentCachingResponseWrapper.class);
            if (request.getAttribute(PENDING_KEY) instanceof String id
                    && recorder != null
                    && !request.isAsyncStarted()) {
                request.removeAttribute(PENDING_KEY);
                if (handled) {
                    finish(id, recorder);
                } else {
                    release(id);
                    recorder.copyBodyToResponse();
                }
            }
        }
    }

    private void finish(String id, ContentCachingResponseWrapper recorder) throws IOException {
        try {
            if (!store(id, recorder)) {
                release(id);
            }
        } finally {
            recorder.copyBodyToResponse();
        }
    }

    private boolean store(String id, ContentCachingResponseWrapper recorder) {
        int status = recorder.getStatus();
        if (status >= 500 || status == HttpStatus.TOO_MANY_REQUESTS.value()) {
            return false;
        }
        try {
            store.complete(id, new StoredResponse(status, storedHeaders(recorder), recorder.getContentAsByteArray()));
            return true;
        } catch (RuntimeException e) {
            log.warn("Could not store the response for idempotency key {}; releasing the key", id, e);
            return false;
        }
    }

    private void answerRepeat(
            IdempotencyRecord existing, String hash, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!existing.requestHash().equals(hash)) {
            ProblemResponses.write(
                    request,
                    response,
                    Problems.of(
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            "idempotency_key_reused",
                            "This Idempotency-Key was already used for a different request."));
            return;
        }
        if (!existing.completed()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            ProblemDetail problem = Problems.of(
                    HttpStatus.CONFLICT,
                    "idempotency_request_in_progress",
                    "A request with this Idempotency-Key is still being processed; retry shortly.");
            ProblemResponses.write(request, response, problem);
            return;
        }
        StoredResponse stored = existing.response();
        response.setStatus(stored.status());
        stored.headers().forEach(response::setHeader);
        response.setHeader(REPLAYED_HEADER, "true");
        byte[] body = stored.body();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    private void release(String id) {
        try {
            store.release(id);
        } catch (RuntimeException e) {
            log.warn("Could not release idempotency key {}; it frees itself after {}", id, properties.lockTimeout(), e);
        }
    }

    private static Map<String, String> storedHeaders(HttpServletResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : STORED_HEADERS) {
            String value = response.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return headers;
    }

    /** Method, path (with query) and body: what makes a repeat "the same request". */
    static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            String target = request.getMethod() + " " + request.getRequestURI()
                    + (request.getQueryString() != null ? "?" + request.getQueryString() : "") + "\n";
            sha256.update(target.getBytes(StandardCharsets.UTF_8));
            sha256.update(body);
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
