package io.touchpoint.ticket.domain;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Ticket labels: lower case, no spaces, each once, in alphabetical order. */
public final class Tags {

    public static final int MAX_TAGS = 50;

    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9_:.-]{0,63}");

    private Tags() {}

    /**
     * The tags in their stored form.
     *
     * @throws InvalidFieldException for a tag with other characters, or too many tags
     */
    public static List<String> normalize(Collection<String> tags) {
        TreeSet<String> result = new TreeSet<>();
        for (String tag : tags) {
            String normalized = tag == null ? "" : tag.trim().toLowerCase(Locale.ROOT);
            if (!TAG.matcher(normalized).matches()) {
                throw new InvalidFieldException(
                        "tags", "'" + tag + "' is not a tag: use up to 64 letters, digits, '_', ':', '.', '-'");
            }
            result.add(normalized);
        }
        if (result.size() > MAX_TAGS) {
            throw new InvalidFieldException("tags", "a ticket has at most " + MAX_TAGS + " tags");
        }
        return List.copyOf(result);
    }

    /** The stored form of one tag, for filtering; null if it cannot be a tag. */
    public static String normalizeOne(String tag) {
        String normalized = tag.trim().toLowerCase(Locale.ROOT);
        return TAG.matcher(normalized).matches() ? normalized : null;
    }
}
