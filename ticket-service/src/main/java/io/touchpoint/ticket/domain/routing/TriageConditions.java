package io.touchpoint.ticket.domain.routing;

import io.touchpoint.events.Channel;
import io.touchpoint.events.interaction.InteractionReceived;
import io.touchpoint.ticket.domain.InvalidFieldException;
import io.touchpoint.ticket.domain.knowledge.LanguageTags;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * When a triage rule applies to a customer's first message: every condition given must hold; a condition that lists
 * several values holds for any of them; a rule without conditions applies to every message.
 *
 * @param textContains words or phrases, matched case-insensitively as whole words, any spacing between a phrase's words
 * @param textMatches a regular expression, found anywhere in the text (case-insensitive); evaluation is time-boxed
 * @param customerHandles handle values (email addresses, phone numbers, channel ids) such as a VIP list,
 *     case-insensitive
 * @param languages primary language subtags ({@code de} matches {@code de-CH})
 * @param schedule when the message was received, in a time zone
 */
public record TriageConditions(
        Set<Channel> channels,
        List<String> textContains,
        String textMatches,
        List<String> customerHandles,
        List<String> languages,
        Schedule schedule) {

    public static final int MAX_WORDS = 100;

    public static final int MAX_HANDLES = 1_000;

    public static final int MAX_PATTERN_LENGTH = 500;

    /** How much of a message a rule reads; the start of a message says what it is about. */
    static final int MAX_TEXT = 10_000;

    /** How long one regular expression may take on one message before it counts as not matching. */
    static final Duration REGEX_BUDGET = Duration.ofMillis(50);

    public static final TriageConditions ANY = new TriageConditions(null, null, null, null, null, null);

    public TriageConditions {
        channels = channels != null ? Set.copyOf(channels) : Set.of();
        textContains = clean(textContains, "when.textContains", MAX_WORDS);
        customerHandles = clean(customerHandles, "when.customerHandles", MAX_HANDLES);
        languages = clean(languages, "when.languages", MAX_WORDS).stream()
                .map(tag -> {
                    String primary = LanguageTags.primary(tag);
                    if (primary == null) {
                        throw new InvalidFieldException("when.languages", "'" + tag + "' is not a language tag");
                    }
                    return primary;
                })
                .distinct()
                .toList();
        if (textMatches != null) {
            if (textMatches.isEmpty() || textMatches.length() > MAX_PATTERN_LENGTH) {
                throw new InvalidFieldException(
                        "when.textMatches", "must be 1 to " + MAX_PATTERN_LENGTH + " characters");
            }
            try {
                Pattern.compile(textMatches);
            } catch (PatternSyntaxException e) {
                throw new InvalidFieldException(
                        "when.textMatches", "is not a regular expression: " + e.getDescription());
            }
        }
    }

    /** Whether {@code message} meets every condition. */
    public boolean matches(InteractionReceived message) {
        if (!channels.isEmpty() && !channels.contains(message.channel())) {
            return false;
        }
        String text = textOf(message);
        if (!textContains.isEmpty() && textContains.stream().noneMatch(word -> containsWord(text, word))) {
            return false;
        }
        if (textMatches != null && !find(textMatches, text)) {
            return false;
        }
        if (!customerHandles.isEmpty()
                && customerHandles.stream()
                        .noneMatch(handle ->
                                handle.equalsIgnoreCase(message.customer().value()))) {
            return false;
        }
        if (!languages.isEmpty() && !languages.contains(LanguageTags.primary(message.language()))) {
            return false;
        }
        return schedule == null || schedule.matches(message.receivedAt());
    }

    private static String textOf(InteractionReceived message) {
        String subject = message.content().subjectLine();
        String body = message.content().text();
        String text = (subject != null ? subject + "\n" : "") + (body != null ? body : "");
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    }

    private static boolean containsWord(String text, String word) {
        String phrase = String.join(
                "\\s+", Arrays.stream(word.split("\\s+")).map(Pattern::quote).toList());
        Pattern pattern = Pattern.compile(
                "(?<![\\p{L}\\p{N}])" + phrase + "(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return pattern.matcher(text).find();
    }

    /** A tenant's expression on a customer's text, cut off after {@link #REGEX_BUDGET}: catastrophic backtracking. */
    private static boolean find(String expression, String text) {
        Pattern pattern = Pattern.compile(expression, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        Matcher matcher = pattern.matcher(new Deadline(text, System.nanoTime() + REGEX_BUDGET.toNanos()));
        try {
            return matcher.find();
        } catch (Deadline.Exceeded e) {
            return false;
        }
    }

    private static List<String> clean(List<String> values, String field, int max) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > max) {
            throw new InvalidFieldException(field, "at most " + max + " values");
        }
        return values.stream()
                .map(value -> {
                    if (value == null || value.isBlank() || value.length() > 320) {
                        throw new InvalidFieldException(field, "values are 1 to 320 characters");
                    }
                    return value.strip();
                })
                .map(value -> field.endsWith("textContains") ? value.toLowerCase(Locale.ROOT) : value)
                .distinct()
                .toList();
    }

    /** Text that stops a regular expression reading it once its time is up. */
    private record Deadline(CharSequence text, long deadlineNanos) implements CharSequence {

        Deadline {
            Objects.requireNonNull(text);
        }

        @Override
        public char charAt(int index) {
            if (System.nanoTime() > deadlineNanos) {
                throw new Exceeded();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Deadline(text.subSequence(start, end), deadlineNanos);
        }

        @Override
        public String toString() {
            return text.toString();
        }

        static final class Exceeded extends RuntimeException {

            Exceeded() {
                super(null, null, false, false);
            }
        }
    }
}
