package io.touchpoint.ticket.domain.routing;

import io.touchpoint.ticket.domain.InvalidFieldException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What an agent can do and a ticket needs ({@code billing}, {@code de}, {@code vip}): spelled like ticket tags, so that
 * a tag a team routes on can be a skill; lower case, each once, in alphabetical order.
 */
public final class Skills {

    public static final int MAX_SKILLS = 50;

    private static final Pattern SKILL = Pattern.compile("[a-z0-9][a-z0-9_:.-]{0,63}");

    private Skills() {}

    /**
     * The skills in their stored form.
     *
     * @param field the API field they came in, for the error
     * @throws InvalidFieldException for a skill with other characters, or too many
     */
    public static List<String> normalize(Collection<String> skills, String field) {
        if (skills == null) {
            return List.of();
        }
        TreeSet<String> result = new TreeSet<>();
        for (String skill : skills) {
            String normalized = skill == null ? "" : skill.trim().toLowerCase(Locale.ROOT);
            if (!SKILL.matcher(normalized).matches()) {
                throw new InvalidFieldException(
                        field, "'" + skill + "' is not a skill: use up to 64 letters, digits, '_', ':', '.', '-'");
            }
            result.add(normalized);
        }
        if (result.size() > MAX_SKILLS) {
            throw new InvalidFieldException(field, "at most " + MAX_SKILLS + " skills");
        }
        return List.copyOf(result);
    }
}
