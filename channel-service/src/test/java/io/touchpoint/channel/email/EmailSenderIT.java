package io.touchpoint.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchpoint.channel.config.EmailProperties;
import io.touchpoint.channel.domain.Ids;
import io.touchpoint.channel.domain.connection.ChannelConnection;
import io.touchpoint.channel.domain.connection.ConnectionStatus;
import io.touchpoint.channel.domain.outbound.OutboundMessage;
import io.touchpoint.channel.domain.outbound.SendOutcome;
import io.touchpoint.channel.messaging.email.EmailSender;
import io.touchpoint.events.Channel;
import io.touchpoint.events.Handle;
import io.touchpoint.events.MessageContent;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.wiser.Wiser;
import org.subethamail.wiser.WiserMessage;

/** Outbound mail through a real SMTP relay (a second SubEthaSMTP that keeps what it receives). */
class EmailSenderIT {

    private static final Handle ADA = new Handle(Handle.Kind.EMAIL, "ada.lovelace@example.org", "Ada Lovelace");

    private static final String CUSTOMER_MAIL_ID = "<CAF=reply-4711@mail.example.org>";

    private Wiser relay;

    @AfterEach
    void stopRelay() {
        if (relay != null) {
            relay.stop();
        }
    }

    @Test
    void aReplyIsThreadedUnderTheCustomersMail() throws Exception {
        startRelay(SMTPServer.port(0));
        OutboundMessage reply = reply("Order 4711 \u2013 still not here");

        SendOutcome outcome = sender(null).send(connection(ownRelay()), reply);

        assertThat(outcome).isEqualTo(new SendOutcome.Delivered("<" + reply.id() + "@acme.example>"));
        assertThat(relay.getMessages()).hasSize(1);
        WiserMessage captured = relay.getMessages().get(0);
        assertThat(captured.getEnvelopeSender()).isEqualTo("support@acme.example");
        assertThat(captured.getEnvelopeReceiver()).isEqualTo("ada.lovelace@example.org");
        MimeMessage mail = captured.getMimeMessage();
        assertThat(mail.getMessageID()).isEqualTo("<" + reply.id() + "@acme.example>");
        assertThat(mail.getHeader("In-Reply-To", null)).isEqualTo(CUSTOMER_MAIL_ID);
        assertThat(mail.getHeader("References", " ").split("\\s+"))
                .containsExactly(
                        "<CAF=first-4711@mail.example.org>", "<msg_01hzy3acme@acme.example>", CUSTOMER_MAIL_ID);
        assertThat(mail.getSubject()).isEqualTo("Re: Order 4711 \u2013 still not here");
        assertThat(mail.getFrom()).containsExactly(new InternetAddress("support@acme.example", "Acme Support"));
        assertThat(mail.getAllRecipients())
                .containsExactly(new InternetAddress("ada.lovelace@example.org", "Ada Lovelace"));
        assertThat(mail.isMimeType("multipart/alternative")).isTrue();
        MimeMultipart alternative = (MimeMultipart) mail.getContent();
        assertThat(alternative.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat((String) alternative.getBodyPart(0).getContent()).isEqualTo("We are on it, Ada.");
        assertThat(alternative.getBodyPart(1).isMimeType("text/html")).isTrue();
        assertThat((String) alternative.getBodyPart(1).getContent()).isEqualTo("<p>We are on it, Ada.</p>");
    }

    @Test
    void everyAttemptAtOneMessageCarriesTheSameMessageId() throws Exception {
        startRelay(SMTPServer.port(0));
        OutboundMessage reply = reply("Order 4711");
        EmailSender sender = sender(null);

        sender.send(connection(ownRelay()), reply);
        sender.send(connection(ownRelay()), reply);

        assertThat(relay.getMessages()).hasSize(2);
        assertThat(relay.getMessages().get(0).getMimeMessage().getMessageID())
                .isEqualTo(relay.getMessages().get(1).getMimeMessage().getMessageID())
                .isEqualTo("<" + reply.id() + "@acme.example>");
    }

    @Test
    void theConnectionsCredentialsAuthenticateAtItsRelay() {
        startRelay(SMTPServer.port(0)
                .authenticationHandlerFactory(new EasyAuthenticationHandlerFactory((username, password, context) -> {
                    if (!username.equals("acme") || !password.equals("relay-secret")) {
                        throw new LoginFailedException();
                    }
                }))
                .requireAuth());
        Map<String, String> settings = ownRelay();
        settings.put("smtpUsername", "acme");

        SendOutcome accepted =
                sender(null).send(connection(settings, Map.of("smtpPassword", "relay-secret")), reply("Order 4711"));
        SendOutcome refused =
                sender(null).send(connection(settings, Map.of("smtpPassword", "wrong")), reply("Order 4711"));

        assertThat(accepted).isInstanceOf(SendOutcome.Delivered.class);
        assertThat(refused)
                .isInstanceOfSatisfying(SendOutcome.PermanentFailure.class, failure -> assertThat(failure.errorCode())
                        .isEqualTo("authentication_failed"));
        assertThat(relay.getMessages()).hasSize(1);
    }

    @Test
    void aRecipientTheRelayRefusesIsAPermanentFailure() {
        relay = Wiser.accepter((from, recipient) -> !recipient.startsWith("ada"))
                .server(SMTPServer.port(0));
        relay.start();

        SendOutcome outcome = sender(null).send(connection(ownRelay()), reply("Order 4711"));

        assertThat(outcome).isInstanceOfSatisfying(SendOutcome.PermanentFailure.class, failure -> {
            assertThat(failure.errorCode()).isEqualTo("invalid_recipient");
            assertThat(failure.providerErrorCode()).startsWith("5");
        });
        assertThat(relay.getMessages()).isEmpty();
    }

    @Test
    void anUnreachableRelayIsATransientFailure() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> settings = new HashMap<>(Map.of(
                "inboundAddress", "support@acme.example",
                "smtpHost", "127.0.0.1",
                "smtpPort", String.valueOf(closedPort),
                "smtpStartTls", "false"));

        SendOutcome outcome = sender(null).send(connection(settings), reply("Order 4711"));

        assertThat(outcome)
                .isInstanceOfSatisfying(SendOutcome.TransientFailure.class, failure -> assertThat(failure.errorCode())
                        .isEqualTo("unavailable"));
    }

    @Test
    void aConnectionWithoutARelayOfItsOwnSendsThroughTheServiceRelay() throws Exception {
        startRelay(SMTPServer.port(0));

        SendOutcome outcome = sender("mail.touchpoint.example")
                .send(connection(new HashMap<>(Map.of("inboundAddress", "support@acme.example"))), reply("Order 4711"));

        assertThat(outcome).isInstanceOf(SendOutcome.Delivered.class);
        assertThat(relay.getMessages().get(0).getMimeMessage().getMessageID()).endsWith("@mail.touchpoint.example>");
    }

    @Test
    void aConnectionWithoutAnInboundAddressHasNothingToSendFrom() {
        SendOutcome outcome = sender(null).send(connection(new HashMap<>()), reply("Order 4711"));

        assertThat(outcome)
                .isInstanceOfSatisfying(SendOutcome.PermanentFailure.class, failure -> assertThat(failure.errorCode())
                        .isEqualTo("not_configured"));
    }

    private void startRelay(SMTPServer.Builder server) {
        relay = Wiser.create(server);
        relay.start();
    }

    private Map<String, String> ownRelay() {
        return new HashMap<>(Map.of(
                "inboundAddress", "Support@Acme.example",
                "smtpHost", "127.0.0.1",
                "smtpPort", String.valueOf(relay.getServer().getPortAllocated()),
                "smtpStartTls", "false"));
    }

    private EmailSender sender(String messageIdDomain) {
        int servicePort = relay != null ? relay.getServer().getPortAllocated() : 25;
        EmailProperties properties = new EmailProperties(
                new EmailProperties.Listener(
                        false, 0, null, null, DataSize.ofMegabytes(25), 200, Duration.ofSeconds(60), List.of()),
                new EmailProperties.Smtp("127.0.0.1", servicePort, null, null, false, Duration.ofSeconds(5)),
                messageIdDomain);
        return new EmailSender(properties, Clock.systemUTC());
    }

    private static ChannelConnection connection(Map<String, String> settings) {
        return connection(settings, Map.of());
    }

    private static ChannelConnection connection(Map<String, String> settings, Map<String, String> secrets) {
        Instant now = Instant.now();
        return new ChannelConnection(
                "con_email",
                "tenant_acme",
                Channel.EMAIL,
                "Acme Support",
                settings,
                secrets,
                ConnectionStatus.ACTIVE,
                1,
                now,
                now);
    }

    private static OutboundMessage reply(String subject) {
        return new OutboundMessage(
                Ids.next(OutboundMessage.ID_PREFIX),
                "tenant_acme",
                "con_email",
                Channel.EMAIL,
                ADA,
                new MessageContent(subject, "We are on it, Ada.", "<p>We are on it, Ada.</p>", List.of()),
                null,
                CUSTOMER_MAIL_ID,
                List.of("<CAF=first-4711@mail.example.org>", "<msg_01hzy3acme@acme.example>"),
                OutboundMessage.Origin.reply("rpl_1"),
                "tkt_1",
                "cnv_1",
                "en");
    }
}
