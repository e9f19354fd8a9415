package io.touchpoint.channel.domain.inbound;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The keywords with which a customer withdraws or gives back consent to messages on an SMS number, the set carriers
 * and Twilio's Advanced Opt-Out honour. A keyword counts only as the whole message ({@code "stop"}, {@code " Stop! "}),
 * not inside a sentence ({@code "don't stop the delivery"}).
 */
public enum ConsentKeyword {
    OPT_OUT(Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT")),
    OPT_IN(Set.of("START", "YES", "UNSTOP"));

    private final Set<String> words;

    ConsentKeyword(Set<String> words) {
        this.words = words;
    }

    /** The keyword {@code text} consists of, if it is one. */
    public static Optional<ConsentKeyword> of(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String word = text.strip().replaceAll("[.!]+$", "").toUpperCase(Locale.ROOT);
        for (ConsentKeyword keyword : values()) {
            if (keyword.words.contains(word)) {
                return Optional.of(keyword);
            }
        }
        return Optional.empty();
    }

    public boolean optsOut() {
        return this == OPT_OUT;
    }
}
