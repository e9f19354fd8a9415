package io.touchpoint.ticket.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.touchpoint.events.Actor;
import io.touchpoint.ticket.support.Interactions;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PlaceholdersTests {

    private final Ticket ticket = Ticket.open(
                    "tkt_1", "acme", Interactions.chat("cnv_1", "visitor-1", "Where is my order?"), Instant.now())
            .ticket();

    @Test
    void placeholdersAreFilledInFromTheTicket() {
        String text = Placeholders.render(
                "Hi {{customer.name}}, about \"{{ ticket.title }}\" ({{ticket.id}}) - {{agent.id}}",
                ticket,
                Actor.agent("agt_7"));

        assertThat(text).isEqualTo("Hi Visitor visitor-1, about \"Where is my order?\" (tkt_1) - agt_7");
    }

    @Test
    void aFallbackStandsInForAnUnknownValue() {
        Ticket anonymous = Ticket.open("tkt_2", "acme", Interactions.sms("+4915112345678", "hi"), Instant.now())
                .ticket();

        assertThat(Placeholders.render("Hi {{customer.name | there}}!", anonymous, Actor.agent("agt_7")))
                .isEqualTo("Hi there!");
    }

    @Test
    void unknownPlaceholdersAreRefused() {
        assertThatThrownBy(() -> new CannedResponse(
                        "cnr_1", "acme", "Greeting", null, "Hi {{customer.shoeSize}}", 1, Instant.now(), Instant.now()))
                .isInstanceOfSatisfying(
                        InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("text"));
    }
}
