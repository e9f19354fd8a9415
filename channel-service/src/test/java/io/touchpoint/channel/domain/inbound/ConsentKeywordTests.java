package io.touchpoint.channel.domain.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsentKeywordTests {

    @Test
    void theStandardOptOutKeywordsOptOut() {
        for (String text :
                new String[] {"STOP", "stop", " Stop! ", "STOPALL", "unsubscribe", "Cancel", "END", "quit."}) {
            assertThat(ConsentKeyword.of(text)).as(text).contains(ConsentKeyword.OPT_OUT);
        }
    }

    @Test
    void theStandardOptInKeywordsOptBackIn() {
        for (String text : new String[] {"START", "yes", "Unstop"}) {
            assertThat(ConsentKeyword.of(text)).as(text).contains(ConsentKeyword.OPT_IN);
        }
    }

    @Test
    void aKeywordInsideASentenceIsNotOne() {
        for (String text : new String[] {"please don't stop the delivery", "STOP IT", "yes please", "", "HELP", null}) {
            assertThat(ConsentKeyword.of(text)).as(String.valueOf(text)).isEmpty();
        }
    }
}
