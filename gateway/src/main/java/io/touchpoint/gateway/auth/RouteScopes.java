package io.touchpoint.gateway.auth;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which scope a request needs, by path and method: the first rule matching both decides. A rule names the scopes of
 * which the caller needs any one. A path matched by no rule needs authentication only (it is then unknown to every
 * route and ends as a 404).
 */
public final class RouteScopes {

    /** {@code path} is exact, or a prefix ending in {@code /**}; no methods means every method. */
    public record Rule(String path, Set<String> methods, Set<String> anyOf) {

        public Rule {
            Objects.requireNonNull(path, "path");
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("path must start with '/': " + path);
            }
            methods = methods == null
                    ? Set.of()
                    : methods.stream()
                            .map(method -> method.toUpperCase(Locale.ROOT))
                            .collect(Collectors.toUnmodifiableSet());
            anyOf = Set.copyOf(Objects.requireNonNull(anyOf, "anyOf"));
            if (anyOf.isEmpty()) {
                throw new IllegalArgumentException("a rule must name at least one scope: " + path);
            }
        }

        boolean matches(String method, String requestPath) {
            return (methods.isEmpty() || methods.contains(method)) && pathMatches(requestPath);
        }

        private boolean pathMatches(String requestPath) {
            if (!path.endsWith("/**")) {
                return path.equals(requestPath);
            }
            String base = path.substring(0, path.length() - 3);
            return requestPath.equals(base) || requestPath.startsWith(base + "/");
        }
    }

    private static final Set<String> READS = Set.of("GET", "HEAD");

    private final List<Rule> rules;

    public RouteScopes(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The public API's table: reads need {@code <area>:read}, every other method the area's write scope. */
    public static RouteScopes defaults() {
        return new RouteScopes(List.of(
                new Rule("/v1/admin/**", Set.of(), Set.of(Scopes.ADMIN)),
                new Rule("/v1/profiles/**", READS, Set.of("profiles:read")),
                new Rule("/v1/profiles/**", Set.of(), Set.of("profiles:write")),
                new Rule("/v1/tickets/**", READS, Set.of("tickets:read", "agent")),
                new Rule("/v1/tickets/**", Set.of(), Set.of("tickets:write", "agent")),
                new Rule("/v1/feedback/**", READS, Set.of("feedback:read")),
                new Rule("/v1/feedback/**", Set.of(), Set.of("feedback:write")),
                new Rule("/v1/channels/**", READS, Set.of("channels:read", "channels:admin")),
                new Rule("/v1/channels/**", Set.of(), Set.of("channels:admin")),
                new Rule("/v1/events/**", Set.of(), Set.of("events:subscribe"))));
    }

    /** The scopes of which the caller needs one, or empty when authentication is enough. */
    public Optional<Set<String>> required(String method, String path) {
        String upper = method.toUpperCase(Locale.ROOT);
        for (Rule rule : rules) {
            if (rule.matches(upper, path)) {
                return Optional.of(rule.anyOf());
            }
        }
        return Optional.empty();
    }

    /** Whether the caller holds one of the scopes the request needs. */
    public boolean permits(Set<String> held, String method, String path) {
        return required(method, path)
                .map(anyOf -> anyOf.stream().anyMatch(held::contains))
                .orElse(true);
    }
}
