package io.touchpoint.channel.messaging.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchpoint.events.Handle;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmailSenderTests {

    private static final Handle ADA = Handle.of(Handle.Kind.EMAIL, "ada@example.org");

    @Test
    void anAnswerGetsReOnce() {
        assertThat(EmailSender.subject(email("Order 4711", "<a@example.org>"))).isEqualTo("Re: Order 4711");
        assertThat(EmailSender.subject(email("RE: Order 4711", "<a@example.org>")))
                .isEqualTo("RE: Order 4711");
        assertThat(EmailSender.subject(email("AW: Bestellung", "<a@example.org>")))
                .isEqualTo("AW: Bestellung");
    }

    @Test
    void aFirstMailKeepsItsSubject() {
        assertThat(EmailSender.subject(email("How did we do?", null))).isEqualTo("How did we do?");
        assertThat(EmailSender.subject(email(" ", "<a@example.org>"))).isNull();
    }

    @Test
    void messageIdsAreWrittenWithAngleBracketsAndHashKeysAreNoMessageIds() {
        assertThat(EmailSender.messageId("<a@example.org>")).isEqualTo("<a@example.org>");
        assertThat(EmailSender.messageId(" a@example.org ")).isEqualTo("<a@example.org>");
        assertThat(EmailSender.messageId("sha256:0123abcd")).isNull();
        assertThat(EmailSender.messageId("<>")).isNull();
        assertThat(EmailSender.messageId(null)).isNull();
    }

    private static OutgoingEmail email(String subject, String inReplyTo) {
        return new OutgoingEmail(null, ADA, subject, "text", null, inReplyTo, List.of());
    }
}
