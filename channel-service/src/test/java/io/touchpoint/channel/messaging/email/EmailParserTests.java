package io.touchpoint.channel.messaging.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.touchpoint.channel.application.inbound.MalformedPayloadException;
import io.touchpoint.channel.domain.inbound.InboundMessage;
import io.touchpoint.events.Attachment;
import io.touchpoint.events.Channel;
import io.touchpoint.events.Handle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EmailParserTests {

    private static final Instant NOW = Instant.parse("2026-11-22T14:03:00Z");

    private final EmailParser parser = new EmailParser(List.of());

    @Test
    void multipartAlternativeWithAttachmentsGivesTextHtmlAndAttachmentMetadata() {
        InboundMessage message = parser.parse(sample("customer-reply.eml"), NOW);

        assertThat(message.channel()).isEqualTo(Channel.EMAIL);
        assertThat(message.providerMessageId()).isEqualTo("<CAF=reply-4711@mail.example.org>");
        assertThat(message.customer())
                .isEqualTo(new Handle(Handle.Kind.EMAIL, "ada.lovelace@example.org", "Ada Lovelace"));
        assertThat(message.content().subjectLine()).isEqualTo("Re: Order 4711 \u2013 still not here");
        assertThat(lines(message.content().text()))
                .isEqualTo("Hello,\n\nmy order 4711 has still not arrived \u2013 the invoice is attached.\n\nAda");
        assertThat(message.content().html())
                .startsWith("<html><body><p>Hello,</p>")
                .contains("the invoice is attached.");
        assertThat(message.content().attachments())
                .containsExactly(
                        new Attachment(
                                "invoice-4711.pdf",
                                "application/pdf",
                                42,
                                URI.create("mid:CAF=reply-4711@mail.example.org#part=2")),
                        new Attachment(
                                "attachment-3",
                                "image/png",
                                120,
                                URI.create("mid:CAF=reply-4711@mail.example.org#part=3")));
        assertThat(message.language()).isEqualTo("en");
        assertThat(message.receivedAt()).isEqualTo(NOW);
    }

    @Test
    void threadingHeadersBecomeThreadHints() {
        InboundMessage message = parser.parse(sample("customer-reply.eml"), NOW);

        assertThat(message.thread().emailMessageId()).isEqualTo("<CAF=reply-4711@mail.example.org>");
        assertThat(message.thread().inReplyTo()).isEqualTo("<msg_01hzy3acme@acme.example>");
        assertThat(message.thread().references())
                .containsExactly("<CAF=first-4711@mail.example.org>", "<msg_01hzy3acme@acme.example>");
        assertThat(message.thread().conversationId()).isNull();
    }

    @Test
    void authenticationVerdictsOfTheServerInFrontBecomeMetadata() {
        InboundMessage message = parser.parse(sample("customer-reply.eml"), NOW);

        assertThat(message.metadata())
                .containsEntry("spf", "pass")
                .containsEntry("dkim", "pass")
                .containsEntry("dmarc", "pass")
                .containsEntry("authservId", "mx.acme.example");
    }

    @Test
    void htmlOnlyMailGetsItsTextFromTheHtml() {
        InboundMessage message = parser.parse(sample("html-only.eml"), NOW);

        assertThat(message.customer()).isEqualTo(new Handle(Handle.Kind.EMAIL, "bjoern@example.net", "Björn Müller"));
        assertThat(message.content().html()).contains("<p>I was charged twice:<br>");
        assertThat(message.content().text())
                .isEqualTo(
                        """
                        Hi team,

                        I was charged twice:
                        once on Monday,
                        once on Tuesday.

                        - Invoice A
                        - Invoice B

                        Thanks & regards,
                        Björn \u2713""");
        assertThat(message.content().attachments()).isEmpty();
    }

    @Test
    void mailWithoutMessageIdIsKeyedByTheHashOfItsBytes() throws Exception {
        byte[] raw = sample("no-message-id.eml");

        InboundMessage message = parser.parse(raw, NOW);

        String expected = "sha256:"
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        assertThat(message.providerMessageId()).isEqualTo(expected);
        assertThat(parser.parse(raw, NOW.plusSeconds(60)).providerMessageId()).isEqualTo(expected);
        assertThat(message.thread().emailMessageId()).isNull();
        assertThat(message.content().text()).isEqualTo("A mail without a Message-ID header.\n");
    }

    @Test
    void encodedFileNamesAreDecodedAndForwardedMailsAreAttachments() {
        InboundMessage message = parser.parse(sample("encoded-filename.eml"), NOW);

        assertThat(message.content().text()).isEqualTo("See attached.");
        assertThat(message.content().attachments())
                .extracting(Attachment::name, Attachment::contentType, Attachment::size)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Résumé 2026.pdf", "application/pdf", 42L),
                        org.assertj.core.groups.Tuple.tuple("message.eml", "message/rfc822", (long)
                                "From: someone@example.com\nSubject: forwarded\n\nThe forwarded mail.".length()));
    }

    @Test
    void mailWithoutFromIsMalformed() {
        assertThatExceptionOfType(MalformedPayloadException.class)
                .isThrownBy(() -> parser.parse(sample("no-from.eml"), NOW))
                .withMessageContaining("From");
    }

    @Test
    void multipartWithoutItsBoundaryIsMalformed() {
        byte[] raw =
                """
                From: customer@example.com
                Message-ID: <broken@example.com>
                Content-Type: multipart/mixed; boundary="never-used"

                There is no part here.
                """
                        .getBytes(StandardCharsets.US_ASCII);

        assertThatExceptionOfType(MalformedPayloadException.class).isThrownBy(() -> parser.parse(raw, NOW));
    }

    @Test
    void longReferenceChainsKeepTheRootAndTheLatest() {
        String header = IntStream.rangeClosed(1, 150)
                .mapToObj(i -> "<ref-" + i + "@example.com>")
                .collect(Collectors.joining("\r\n "));

        List<String> references = EmailParser.references(header);

        assertThat(references).hasSize(EmailParser.MAX_REFERENCES);
        assertThat(references.get(0)).isEqualTo("<ref-1@example.com>");
        assertThat(references.get(1)).isEqualTo("<ref-52@example.com>");
        assertThat(references.get(99)).isEqualTo("<ref-150@example.com>");
    }

    private static String lines(String text) {
        return text.replace("\r\n", "\n").strip();
    }

    static byte[] sample(String name) {
        try (InputStream in = EmailParserTests.class.getResourceAsStream("/email/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
