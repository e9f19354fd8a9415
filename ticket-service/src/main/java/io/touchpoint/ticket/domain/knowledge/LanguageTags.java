package io.touchpoint.ticket.domain.knowledge;

import java.util.IllformedLocaleException;
import java.util.Locale;

/** BCP 47 language tags: their canonical spelling, and the primary language subtag that analysis and matching use. */
public final class LanguageTags {

    private LanguageTags() {}

    /**
     * The canonical form of a well-formed tag ({@code en-us} becomes {@code en-US}).
     *
     * @throws IllegalArgumentException if {@code tag} is not a well-formed BCP 47 tag with a language
     */
    public static String canonical(String tag) {
        if (tag == null || tag.isBlank()) {
            throw new IllegalArgumentException("a language tag is required");
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag.trim()).build();
            if (locale.getLanguage().isEmpty()) {
                throw new IllegalArgumentException("'" + tag + "' names no language");
            }
            return locale.toLanguageTag();
        } catch (IllformedLocaleException e) {
            throw new IllegalArgumentException("'" + tag + "' is not a BCP 47 language tag", e);
        }
    }

    /** The primary language subtag in lower case ({@code de-CH} gives {@code de}); null for null or blank. */
    public static String primary(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String trimmed = tag.trim();
        int dash = trimmed.indexOf('-');
        String primary = dash < 0 ? trimmed : trimmed.substring(0, dash);
        return primary.toLowerCase(Locale.ROOT);
    }
}
