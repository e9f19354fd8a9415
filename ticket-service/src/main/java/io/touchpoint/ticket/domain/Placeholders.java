package io.touchpoint.ticket.domain;

import io.touchpoint.events.Actor;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders a canned response may use, filled in from the ticket it answers: {@code {{customer.name}}},
 * {@code {{customer.handle}}}, {@code {{ticket.id}}}, {@code {{ticket.title}}}, {@code {{agent.id}}}. A fallback
 * after {@code |} stands in for an unknown value: {@code Hi {{customer.name | there}}}.
 */
public final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-zA-Z.]+)\\s*(?:\\|\\s*([^}]*?)\\s*)?}}");

    private static final Map<String, Function<Context, String>> VALUES = Map.of(
            "customer.name", context -> context.ticket().requester().handle().displayName(),
            "customer.handle", context -> context.ticket().requester().handle().value(),
            "ticket.id", context -> context.ticket().id(),
            "ticket.title", context -> context.ticket().title(),
            "agent.id", context -> context.agent().id());

    private Placeholders() {}

    /**
     * Checks that {@code template} names only known placeholders.
     *
     * @throws InvalidFieldException naming {@code field} otherwise
     */
    public static void check(String template, String field) {
        if (template == null) {
            return;
        }
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            if (!VALUES.containsKey(matcher.group(1))) {
                throw new InvalidFieldException(
                        field,
                        "unknown placeholder {{" + matcher.group(1) + "}}; known are "
                                + String.join(
                                        ", ", VALUES.keySet().stream().sorted().toList()));
            }
        }
    }

    /** {@code template} with its placeholders filled in for a reply by {@code agent} on {@code ticket}. */
    public static String render(String template, Ticket ticket, Actor agent) {
        if (template == null) {
            return null;
        }
        Context context = new Context(ticket, agent);
        return PLACEHOLDER.matcher(template).replaceAll(match -> {
            Function<Context, String> value = VALUES.get(match.group(1));
            String filled = value != null ? value.apply(context) : null;
            if (filled == null || filled.isBlank()) {
                filled = match.group(2) != null ? match.group(2) : "";
            }
            return Matcher.quoteReplacement(filled);
        });
    }

    private record Context(Ticket ticket, Actor agent) {}
}
