package io.touchpoint.ticket.domain.knowledge;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The words and phrases with which a customer asks for a person, per language. A message matches a phrase when it
 * contains the phrase's words in a row as whole words, compared without case and accents: "agent" matches "Can I talk
 * to an AGENT?" but not "agentic" or "user-agents".
 *
 * <p>A message is checked against the phrases of its own language and English ones, which customers use everywhere;
 * against all of them when its language is unknown or has no phrases.
 */
public final class EscalationPhrases {

    public static final int MAX_LANGUAGES = 50;

    public static final int MAX_PHRASES = 100;

    public static final int MAX_PHRASE_LENGTH = 100;

    /** What a tenant gets until it sets its own. */
    public static final Map<String, List<String>> DEFAULTS = defaults();

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private static final String FALLBACK_LANGUAGE = "en";

    private final Map<String, List<String>> phrases;

    private final Map<String, List<List<String>>> words;

    private EscalationPhrases(Map<String, List<String>> phrases, Map<String, List<List<String>>> words) {
        this.phrases = phrases;
        this.words = words;
    }

    /**
     * @param byLanguage phrases by language (a BCP 47 tag; only its primary subtag counts)
     * @throws IllegalArgumentException for a blank phrase, one without words, or more than the limits allow
     */
    public static EscalationPhrases of(Map<String, List<String>> byLanguage) {
        if (byLanguage.size() > MAX_LANGUAGES) {
            throw new IllegalArgumentException("at most " + MAX_LANGUAGES + " languages");
        }
        Map<String, List<String>> phrases = new LinkedHashMap<>();
        Map<String, List<List<String>>> words = new LinkedHashMap<>();
        byLanguage.forEach((tag, list) -> {
            String language = LanguageTags.primary(tag);
            if (language == null) {
                throw new IllegalArgumentException("a language is required for escalation phrases");
            }
            if (list.size() > MAX_PHRASES) {
                throw new IllegalArgumentException("at most " + MAX_PHRASES + " phrases per language");
            }
            for (String phrase : list) {
                if (phrase == null || phrase.isBlank() || phrase.length() > MAX_PHRASE_LENGTH) {
                    throw new IllegalArgumentException(
                            "a phrase has 1 to " + MAX_PHRASE_LENGTH + " characters: '" + phrase + "'");
                }
                List<String> phraseWords = words(phrase);
                if (phraseWords.isEmpty()) {
                    throw new IllegalArgumentException("'" + phrase + "' has no words");
                }
                phrases.computeIfAbsent(language, key -> new ArrayList<>()).add(phrase.trim());
                words.computeIfAbsent(language, key -> new ArrayList<>()).add(phraseWords);
            }
        });
        phrases.replaceAll((language, list) -> List.copyOf(list));
        words.replaceAll((language, list) -> List.copyOf(list));
        return new EscalationPhrases(Collections.unmodifiableMap(new TreeMap<>(phrases)), Map.copyOf(words));
    }

    public static EscalationPhrases defaultPhrases() {
        return of(DEFAULTS);
    }

    /** The phrases as configured, by primary language subtag. */
    public Map<String, List<String>> asMap() {
        return phrases;
    }

    /**
     * The first phrase {@code text} contains, in the configured spelling.
     *
     * @param language the message's BCP 47 tag, or null when unknown
     */
    public Optional<String> findIn(String text, String language) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        List<String> message = words(text);
        for (String candidate : languagesFor(LanguageTags.primary(language))) {
            List<List<String>> candidates = words.getOrDefault(candidate, List.of());
            for (int i = 0; i < candidates.size(); i++) {
                if (containsRun(message, candidates.get(i))) {
                    return Optional.of(phrases.get(candidate).get(i));
                }
            }
        }
        return Optional.empty();
    }

    private List<String> languagesFor(String language) {
        if (language == null || !words.containsKey(language)) {
            return words.keySet().stream().sorted().toList();
        }
        return language.equals(FALLBACK_LANGUAGE) ? List.of(language) : List.of(language, FALLBACK_LANGUAGE);
    }

    /** Lower-case words without accents: what phrases and messages are compared as. */
    static List<String> words(String text) {
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT);
        return Arrays.stream(NON_WORD.split(folded))
                .filter(word -> !word.isEmpty())
                .toList();
    }

    private static Map<String, List<String>> defaults() {
        Map<String, List<String>> defaults = new LinkedHashMap<>();
        defaults.put(
                "en",
                List.of(
                        "agent",
                        "agents",
                        "human",
                        "talk to a person",
                        "speak to a person",
                        "real person",
                        "representative",
                        "talk to someone",
                        "speak to someone"));
        defaults.put("de", List.of("mitarbeiter", "mitarbeiterin", "mensch", "menschen", "echte person", "berater"));
        defaults.put("fr", List.of("conseiller", "conseillère", "humain", "une vraie personne", "parler à quelqu'un"));
        defaults.put("es", List.of("agente", "agentes", "persona", "humano", "asesor"));
        return Collections.unmodifiableMap(defaults);
    }

    /** Whether {@code run} occurs in {@code words} as consecutive elements. */
    private static boolean containsRun(List<String> words, List<String> run) {
        for (int start = 0; start + run.size() <= words.size(); start++) {
            if (words.subList(start, start + run.size()).equals(run)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EscalationPhrases that && phrases.equals(that.phrases);
    }

    @Override
    public int hashCode() {
        return phrases.hashCode();
    }

    @Override
    public String toString() {
        return "EscalationPhrases" + phrases;
    }
}
