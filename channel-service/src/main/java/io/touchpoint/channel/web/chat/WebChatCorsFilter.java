package io.touchpoint.channel.web.chat;

import io.touchpoint.channel.application.webchat.WebChatWidgets;
import io.touchpoint.starter.problem.ProblemResponses;
import io.touchpoint.starter.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsProcessor;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CORS for the widget API: a cross-origin call to {@code /public/chat/**} is allowed from the origins the widget's
 * connection lists in its {@code allowedOrigins} setting (patterns such as {@code https://*.example.com} work), or
 * from any origin when it lists none. The connection is the path's widget key, or the connection the path's
 * conversation was started on, so preflights, which carry no token, are answered too. Credentials (cookies) are never
 * allowed: the widget authenticates with its bearer token.
 */
class WebChatCorsFilter extends OncePerRequestFilter {

    private static final String PREFIX = WebChatController.BASE_PATH + "/";

    private static final List<String> ANY_ORIGIN = List.of(CorsConfiguration.ALL);

    private final WebChatWidgets widgets;

    private final CorsProcessor processor = new DefaultCorsProcessor();

    WebChatCorsFilter(WebChatWidgets widgets) {
        this.widgets = widgets;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !path(request).startsWith(PREFIX);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!CorsUtils.isCorsRequest(request)) {
            chain.doFilter(request, response);
            return;
        }
        CorsConfiguration configuration = configuration(allowedOrigins(path(request)));
        if (configuration.checkOrigin(request.getHeader(HttpHeaders.ORIGIN)) == null) {
            ProblemResponses.write(
                    request,
                    response,
                    Problems.of(
                            HttpStatus.FORBIDDEN,
                            "origin_not_allowed",
                            "This chat widget may not be used from this origin."));
            return;
        }
        boolean valid = processor.processRequest(configuration, request, response);
        if (!valid || CorsUtils.isPreFlightRequest(request)) {
            return;
        }
        chain.doFilter(request, response);
    }

    /** The widget key or conversation id the path names decides; an unknown one fails later, with CORS headers. */
    private List<String> allowedOrigins(String path) {
        String[] segments = path.substring(PREFIX.length()).split("/");
        Optional<List<String>> origins;
        if (segments.length >= 2 && segments[0].equals("conversations")) {
            origins = widgets.allowedOriginsOfConversation(segments[1]);
        } else {
            origins = widgets.allowedOrigins(segments[0]);
        }
        return origins.orElse(ANY_ORIGIN);
    }

    static CorsConfiguration configuration(List<String> origins) {
        CorsConfiguration configuration = new CorsConfiguration();
        if (origins.contains(CorsConfiguration.ALL)) {
            configuration.addAllowedOrigin(CorsConfiguration.ALL);
        } else {
            configuration.setAllowedOriginPatterns(origins);
        }
        configuration.setAllowedMethods(List.of("GET", "POST"));
        configuration.setAllowedHeaders(List.of(
                HttpHeaders.AUTHORIZATION,
                HttpHeaders.CONTENT_TYPE,
                WebChatEventsController.LAST_EVENT_ID,
                "X-Request-Id"));
        configuration.setExposedHeaders(List.of(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER, "X-Request-Id"));
        configuration.setAllowCredentials(false);
        configuration.setMaxAge(Duration.ofHours(1));
        return configuration;
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
