package io.touchpoint.ticket.domain.knowledge;

import java.time.Duration;
import java.util.Map;

/**
 * A response time as a customer reads it in their language: "45 minutes", "2 Stunden", "3 jours". Rounded up to whole
 * minutes below an hour, whole hours up to two days, whole days beyond, so that the promise is never shorter than the
 * real expectation. Languages without their own words get English ones.
 */
public final class ResponseTimeWording {

    /** Singular and plural of minute, hour and day. */
    private static final Map<String, String[]> UNITS = Map.of(
            "en", new String[] {"minute", "minutes", "hour", "hours", "day", "days"},
            "de", new String[] {"Minute", "Minuten", "Stunde", "Stunden", "Tag", "Tagen"},
            "fr", new String[] {"minute", "minutes", "heure", "heures", "jour", "jours"},
            "es", new String[] {"minuto", "minutos", "hora", "horas", "día", "días"},
            "it", new String[] {"minuto", "minuti", "ora", "ore", "giorno", "giorni"},
            "pt", new String[] {"minuto", "minutos", "hora", "horas", "dia", "dias"},
            "nl", new String[] {"minuut", "minuten", "uur", "uur", "dag", "dagen"});

    private ResponseTimeWording() {}

    public static String of(Duration duration, String language) {
        String[] units = UNITS.getOrDefault(LanguageTags.primary(language), UNITS.get("en"));
        long minutes = Math.max(1, ceilDiv(Math.max(0, duration.toSeconds()), 60));
        if (minutes < 60) {
            return count(minutes, units[0], units[1]);
        }
        if (minutes <= 48 * 60) {
            return count(ceilDiv(minutes, 60), units[2], units[3]);
        }
        return count(ceilDiv(minutes, 24 * 60), units[4], units[5]);
    }

    private static String count(long amount, String singular, String plural) {
        return amount + " " + (amount == 1 ? singular : plural);
    }

    private static long ceilDiv(long dividend, long divisor) {
        return -Math.floorDiv(-dividend, divisor);
    }
}
