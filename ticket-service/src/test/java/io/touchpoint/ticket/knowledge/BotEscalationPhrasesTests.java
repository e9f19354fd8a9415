package io.touchpoint.ticket.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.touchpoint.ticket.domain.knowledge.EscalationPhrases;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a customer's message asks for a person: whole words and phrases, any case and accents, per language. */
class BotEscalationPhrasesTests {

    private final EscalationPhrases defaults = EscalationPhrases.defaultPhrases();

    @ParameterizedTest(name = "[{1}] {0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            textBlock =
                    """
            Can I talk to an AGENT please?                  | en    | agent
            I want a human.                                 | en-GB | human
            let me talk to a person                         | en    | talk to a person
            Is there a REAL person there?!                  | en    | real person
            representative                                  | en    | representative
            Ich möchte mit einem Mitarbeiter sprechen.      | de    | mitarbeiter
            Kann ich bitte mit einem Menschen reden?        | de-CH | menschen
            Je veux parler à une CONSEILLÈRE                | fr    | conseillère
            Je voudrais parler à quelqu’un, svp             | fr    | parler à quelqu'un
            Passez-moi un humain                            | fr    | humain
            Quiero hablar con un agente                     | es    | agente
            ¿Puedo hablar con una persona?                  | es    | persona
            Ich brauche einen Agent                         | de    | agent
            Quiero hablar con un agente                     |       | agente
            """)
    void askingForAPersonIsRecognised(String message, String language, String phrase) {
        assertThat(defaults.findIn(message, language)).hasValue(phrase);
    }

    @ParameterizedTest(name = "[{1}] {0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            textBlock =
                    """
            Agentic workflows broke my export               | en
            The travel agency sent me here                  | en
            This is not humane                              | en
            I'm a person who likes refunds                  | en
            Please update my persona settings               | en
            Wo finde ich den Mitarbeiterrabatt?             | de
            Merci pour l'aide humanitaire                   | fr
            Mis datos personales están mal                  | es
            Where is my order?                              |
            """)
    void otherMessagesAreNotEscalated(String message, String language) {
        assertThat(defaults.findIn(message, language)).isEmpty();
    }

    @Test
    void blankMessagesAskForNothing() {
        assertThat(defaults.findIn("", "en")).isEmpty();
        assertThat(defaults.findIn(null, "en")).isEmpty();
        assertThat(defaults.findIn("   ", null)).isEmpty();
    }

    @Test
    void aTenantsOwnPhrasesReplaceTheDefaults() {
        EscalationPhrases own = EscalationPhrases.of(Map.of("en", List.of("speak to a manager", "Escalate!")));

        assertThat(own.findIn("I want to SPEAK to a   manager.", "en")).hasValue("speak to a manager");
        assertThat(own.findIn("please escalate this", "en-US")).hasValue("Escalate!");
        assertThat(own.findIn("Can I talk to an agent?", "en")).isEmpty();
        assertThat(own.findIn("speak to a manager", "de")).hasValue("speak to a manager");
    }

    @Test
    void languagesAreKeyedByPrimarySubtag() {
        EscalationPhrases own = EscalationPhrases.of(Map.of("de-DE", List.of("Chef")));

        assertThat(own.asMap()).containsOnlyKeys("de");
        assertThat(own.findIn("Ich will den Chef sprechen", "de-AT")).hasValue("Chef");
    }

    @Test
    void phrasesWithoutWordsAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> EscalationPhrases.of(Map.of("en", List.of(" "))));
        assertThatIllegalArgumentException().isThrownBy(() -> EscalationPhrases.of(Map.of("en", List.of("?!"))));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EscalationPhrases.of(Map.of("en", List.of("x".repeat(101)))));
    }
}
