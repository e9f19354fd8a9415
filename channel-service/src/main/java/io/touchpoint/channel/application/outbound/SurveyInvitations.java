package io.touchpoint.channel.application.outbound;

import io.touchpoint.events.Channel;
import io.touchpoint.events.MessageContent;
import io.touchpoint.events.survey.SurveyRequested;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The message that carries a survey link, in the survey's language where a text exists for it, else in English. A
 * minimal set on purpose: tenants' own wording belongs to feedback-service's survey templates, not here.
 */
final class SurveyInvitations {

    private record Text(String subject, String body) {}

    private static final Map<String, Text> TEXTS = Map.of(
            "en", new Text("How did we do?", "How did we do? Please tell us in a few seconds: %s"),
            "de",
                    new Text(
                            "Wie waren wir?",
                            "Wie zufrieden waren Sie mit uns? Sagen Sie es uns in wenigen Sekunden: %s"),
            "fr",
                    new Text(
                            "Votre avis compte",
                            "Comment nous sommes-nous débrouillés ? Dites-le-nous en quelques secondes : %s"),
            "es", new Text("¿Qué tal lo hicimos?", "¿Qué tal lo hicimos? Cuéntenoslo en unos segundos: %s"),
            "nl",
                    new Text(
                            "Hoe hebben we het gedaan?",
                            "Hoe hebben we het gedaan? Laat het ons in een paar seconden weten: %s"));

    private SurveyInvitations() {}

    static MessageContent content(SurveyRequested survey) {
        Text text = TEXTS.getOrDefault(primaryLanguage(survey.language()), TEXTS.get("en"));
        String body = text.body().formatted(survey.surveyUrl());
        String subject = survey.channel() == Channel.EMAIL ? text.subject() : null;
        return new MessageContent(subject, body, null, List.of());
    }

    /** {@code de} for {@code de-CH}, {@code en} when unknown. */
    private static String primaryLanguage(String tag) {
        if (tag == null || tag.isBlank()) {
            return "en";
        }
        return Locale.forLanguageTag(tag.strip()).getLanguage();
    }
}
