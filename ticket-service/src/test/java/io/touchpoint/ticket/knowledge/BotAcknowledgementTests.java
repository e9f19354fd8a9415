package io.touchpoint.ticket.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchpoint.ticket.domain.knowledge.BotSettings;
import io.touchpoint.ticket.domain.knowledge.EscalationPhrases;
import io.touchpoint.ticket.domain.knowledge.ResponseTimeWording;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The acknowledgement the bot sends: the tenant's template in the customer's language, with the response time. */
class BotAcknowledgementTests {

    @Test
    void responseTimesAreRoundedUpToAUnitCustomersRead() {
        assertThat(ResponseTimeWording.of(Duration.ofSeconds(20), "en")).isEqualTo("1 minute");
        assertThat(ResponseTimeWording.of(Duration.ofMinutes(45), "en")).isEqualTo("45 minutes");
        assertThat(ResponseTimeWording.of(Duration.ofMinutes(61), "en")).isEqualTo("2 hours");
        assertThat(ResponseTimeWording.of(Duration.ofHours(1), "en")).isEqualTo("1 hour");
        assertThat(ResponseTimeWording.of(Duration.ofHours(48), "en")).isEqualTo("48 hours");
        assertThat(ResponseTimeWording.of(Duration.ofHours(49), "en")).isEqualTo("3 days");
    }

    @Test
    void responseTimesAreWordedInTheCustomersLanguage() {
        assertThat(ResponseTimeWording.of(Duration.ofHours(1), "de-CH")).isEqualTo("1 Stunde");
        assertThat(ResponseTimeWording.of(Duration.ofHours(3), "de")).isEqualTo("3 Stunden");
        assertThat(ResponseTimeWording.of(Duration.ofDays(3), "fr")).isEqualTo("3 jours");
        assertThat(ResponseTimeWording.of(Duration.ofMinutes(30), "es")).isEqualTo("30 minutos");
        assertThat(ResponseTimeWording.of(Duration.ofHours(2), "ja")).isEqualTo("2 hours");
    }

    @Test
    void defaultAcknowledgementPromisesTheGivenTimeElseTheConfiguredOne() {
        BotSettings settings = BotSettings.defaults("tenant_a");

        assertThat(settings.acknowledgement("de", Duration.ofHours(2)))
                .isEqualTo("Danke für Ihre Nachricht. Jemand aus unserem Team meldet sich innerhalb von 2 Stunden bei"
                        + " Ihnen.");
        assertThat(settings.acknowledgement("en-US", null)).endsWith("within 4 hours.");
    }

    @Test
    void aLanguageWithoutTemplateGetsTheEnglishOneWithEnglishWording() {
        var settings = new BotSettings(
                "tenant_a",
                true,
                0.5,
                Duration.ofMinutes(30),
                Map.of("en", "Back in {{expectedResponseTime}}!", "de", "Zurück in {{expectedResponseTime}}!"),
                EscalationPhrases.defaultPhrases(),
                1,
                null,
                null);

        assertThat(settings.acknowledgement("it", null)).isEqualTo("Back in 30 minutes!");
        assertThat(settings.acknowledgement(null, null)).isEqualTo("Back in 30 minutes!");
        assertThat(settings.acknowledgement("de", null)).isEqualTo("Zurück in 30 Minuten!");
    }
}
