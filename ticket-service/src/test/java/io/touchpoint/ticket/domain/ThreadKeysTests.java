package io.touchpoint.ticket.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchpoint.events.interaction.InteractionReceived;
import io.touchpoint.ticket.domain.ThreadKey.Kind;
import io.touchpoint.ticket.support.Interactions;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThreadKeysTests {

    @Test
    void theChannelsConversationComesFirstAndTheSenderLast() {
        InteractionReceived chat = Interactions.chat("cnv_1", "visitor-9", "hi");

        assertThat(ThreadKeys.lookups(chat))
                .containsExactly(
                        new ThreadKey(Kind.CONVERSATION, "cnv_1"),
                        new ThreadKey(Kind.HANDLE, "con_webchat|web_visitor|visitor-9"));
        assertThat(ThreadKeys.primary(chat)).isEqualTo(new ThreadKey(Kind.CONVERSATION, "cnv_1"));
    }

    @Test
    void anEmailIsLookedUpByWhatItAnswersNewestFirst() {
        String reply = "<RPL_01jd40a1b2c3d4e5f6g7h8j9k0.acme@touchpoint.example>";
        InteractionReceived email =
                Interactions.email("Maria@Example.com", "Re: x", "<new@mail>", reply, List.of("<Root@Mail>", reply));

        assertThat(ThreadKeys.lookups(email))
                .containsExactly(
                        new ThreadKey(Kind.EMAIL, "rpl_01jd40a1b2c3d4e5f6g7h8j9k0.acme@touchpoint.example"),
                        new ThreadKey(Kind.REPLY, "rpl_01jd40a1b2c3d4e5f6g7h8j9k0"),
                        new ThreadKey(Kind.EMAIL, "root@mail"),
                        new ThreadKey(Kind.HANDLE, "con_mail|email|maria@example.com"));
        assertThat(ThreadKeys.primary(email).kind()).isEqualTo(Kind.HANDLE);
    }

    @Test
    void aJoinedMessageLeadsFollowersToItsTicket() {
        InteractionReceived email = Interactions.email("maria@example.com", "x", "<First@Mail>", null, List.of());
        Ticket ticket =
                Ticket.open("tkt_01abc", "acme", email, java.time.Instant.now()).ticket();

        assertThat(ThreadKeys.owned(email, ticket))
                .containsExactly(
                        new ThreadKey(Kind.CONVERSATION, "cnv_01abc"),
                        new ThreadKey(Kind.EMAIL, "first@mail"),
                        new ThreadKey(Kind.HANDLE, "con_mail|email|maria@example.com"));
    }

    @Test
    void aNewTicketsOwnKeysAreClaimedWithItsPrimaryKeyButNotTheSendersHandle() {
        InteractionReceived email = Interactions.email("maria@example.com", "x", "<First@Mail>", null, List.of());
        assertThat(ThreadKeys.claimedWith(email, "tkt_01abc"))
                .containsExactly(
                        new ThreadKey(Kind.CONVERSATION, "cnv_01abc"), new ThreadKey(Kind.EMAIL, "first@mail"));

        // The chat's conversation is its primary key; the visitor's handle waits until the ticket exists.
        InteractionReceived chat = Interactions.chat("cnv_1", "visitor-9", "hi");
        assertThat(ThreadKeys.claimedWith(chat, "tkt_01abc")).isEmpty();
    }
}
