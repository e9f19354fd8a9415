package io.touchpoint.channel.messaging.email;

import io.touchpoint.channel.application.outbound.ChannelSender;
import io.touchpoint.channel.config.EmailProperties;
import io.touchpoint.channel.domain.Ids;
import io.touchpoint.channel.domain.connection.ChannelConnection;
import io.touchpoint.channel.domain.email.EmailSettings;
import io.touchpoint.channel.domain.outbound.OutboundMessage;
import io.touchpoint.channel.domain.outbound.SendOutcome;
import io.touchpoint.events.Channel;
import io.touchpoint.events.Handle;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends mail to customers through an SMTP relay: the connection's own ({@code smtpHost}, {@code smtpPort},
 * {@code smtpUsername}, {@code smtpStartTls}, secret {@code smtpPassword}) or, when it names none, the service's
 * ({@code touchpoint.channel.email.smtp.*}). The two are never mixed, so the service's credentials never reach a
 * tenant's relay.
 *
 * <p>Replies are threaded the way mail programs expect (RFC 5322 §3.6.4): {@code In-Reply-To} names the customer's
 * mail, {@code References} carries the thread, and the subject gets {@code Re: }. The {@code Message-ID} is
 * {@code <msg_…@domain>} from the outbound message's id, so a retried send carries the same one and mail programs
 * show it once.
 */
@Component
public class EmailSender implements ChannelSender {

    private static final Logger log = LoggerFactory.getLogger(EmailSender.class);

    private static final Pattern REPLY_PREFIX =
            Pattern.compile("^\\s*(re|aw|sv|antw|vs)\\s*:", Pattern.CASE_INSENSITIVE);

    /** A connection's own relay: submission with STARTTLS unless it says otherwise. */
    private static final int SUBMISSION_PORT = 587;

    private final EmailProperties properties;

    private final Clock clock;

    public EmailSender(EmailProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    /**
     * The delivery pipeline's entry: one attempt, its outcome as the pipeline classifies it. A mail the relay took is
     * {@link SendOutcome.Delivered}: SMTP reports nothing further that the pipeline could wait for.
     */
    @Override
    public SendOutcome send(ChannelConnection connection, OutboundMessage message) {
        try {
            return new SendOutcome.Delivered(send(connection, OutgoingEmail.of(message)));
        } catch (EmailDeliveryException e) {
            return e.permanent()
                    ? new SendOutcome.PermanentFailure(e.errorCode(), e.smtpCode(), e.getMessage())
                    : new SendOutcome.TransientFailure(e.errorCode(), e.smtpCode(), e.getMessage());
        }
    }

    /**
     * Hands {@code email} to the relay.
     *
     * @return the {@code Message-ID} it carries, with angle brackets: what the customer's answer names in
     *     {@code In-Reply-To}
     * @throws EmailDeliveryException when the relay did not take it; {@link EmailDeliveryException#permanent()} says
     *     whether trying again can help
     */
    public String send(ChannelConnection connection, OutgoingEmail email) {
        if (email.to().kind() != Handle.Kind.EMAIL || !email.to().value().contains("@")) {
            throw EmailDeliveryException.invalidRecipient("The recipient is not an email address.");
        }
        String from = EmailSettings.inboundAddress(connection)
                .orElseThrow(() -> EmailDeliveryException.notConfigured(
                        "Connection " + connection.id() + " has no " + EmailSettings.INBOUND_ADDRESS + "."));
        Relay relay = relay(connection);
        String domain = messageIdDomain(from);
        String messageId =
                "<" + (email.id() != null ? email.id() : Ids.next(OutboundMessage.ID_PREFIX)) + "@" + domain + ">";
        Session session = Session.getInstance(relay.sessionProperties(domain, properties.smtp()));
        try {
            MimeMessage mail = compose(session, messageId, connection, from, email);
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect(relay.host(), relay.port(), relay.username(), relay.password());
                transport.sendMessage(mail, mail.getAllRecipients());
            }
        } catch (MessagingException e) {
            EmailDeliveryException failure = EmailDeliveryException.of(e);
            log.warn(
                    "email {} on {} not sent ({}, {}): {}",
                    messageId,
                    connection.id(),
                    failure.permanent() ? "permanent" : "transient",
                    failure.errorCode(),
                    failure.getMessage());
            throw failure;
        }
        log.info("email {} on {} handed to {}", messageId, connection.id(), relay.host());
        return messageId;
    }

    private MimeMessage compose(
            Session session, String messageId, ChannelConnection connection, String from, OutgoingEmail email)
            throws MessagingException {
        MimeMessage mail = new IdentifiedMimeMessage(session, messageId);
        mail.setFrom(address(from, connection.displayName()));
        mail.setRecipient(
                Message.RecipientType.TO, address(email.to().value(), email.to().displayName()));
        String subject = subject(email);
        if (subject != null) {
            mail.setSubject(subject, StandardCharsets.UTF_8.name());
        }
        mail.setSentDate(Date.from(clock.instant()));
        List<String> references = new ArrayList<>();
        email.references().stream()
                .map(EmailSender::messageId)
                .filter(id -> id != null && !references.contains(id))
                .forEach(references::add);
        String inReplyTo = email.answers() ? messageId(email.inReplyTo()) : null;
        if (inReplyTo != null) {
            mail.setHeader("In-Reply-To", inReplyTo);
            references.remove(inReplyTo);
            references.add(inReplyTo);
        }
        if (!references.isEmpty()) {
            mail.setHeader("References", MimeUtility.fold("References: ".length(), String.join(" ", references)));
        }
        String html = email.html() != null && !email.html().isBlank() ? email.html() : null;
        String text = email.text() != null ? email.text() : html != null ? EmailText.fromHtml(html) : "";
        if (html == null) {
            mail.setText(text, StandardCharsets.UTF_8.name());
        } else {
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(text, StandardCharsets.UTF_8.name());
            MimeBodyPart rich = new MimeBodyPart();
            rich.setText(html, StandardCharsets.UTF_8.name(), "html");
            mail.setContent(new MimeMultipart("alternative", plain, rich));
        }
        mail.saveChanges();
        return mail;
    }

    static String subject(OutgoingEmail email) {
        String subject = email.subject() != null && !email.subject().isBlank()
                ? email.subject().strip()
                : null;
        if (subject == null || !email.answers() || REPLY_PREFIX.matcher(subject).find()) {
            return subject;
        }
        return "Re: " + subject;
    }

    /**
     * {@code id} as a {@code Message-ID} header value, {@code <local@domain>}; null for what is not one (the
     * {@code sha256:…} key of an inbound mail that had none).
     */
    static String messageId(String id) {
        if (id == null) {
            return null;
        }
        String bare = id.strip();
        if (bare.startsWith("<") && bare.endsWith(">")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        if (bare.isEmpty() || bare.indexOf('@') <= 0 || bare.matches(".*[\\s<>].*")) {
            return null;
        }
        return "<" + bare + ">";
    }

    private String messageIdDomain(String from) {
        String configured = properties.messageIdDomain();
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        return from.substring(from.lastIndexOf('@') + 1);
    }

    private Relay relay(ChannelConnection connection) {
        var defaults = properties.smtp();
        return connection
                .setting(EmailSettings.SMTP_HOST)
                .map(host -> {
                    boolean startTls = connection
                            .setting(EmailSettings.SMTP_START_TLS)
                            .map(value -> !value.strip().equalsIgnoreCase("false"))
                            .orElse(true);
                    int port = connection
                            .setting(EmailSettings.SMTP_PORT)
                            .map(value -> port(connection, value))
                            .orElse(SUBMISSION_PORT);
                    return new Relay(
                            host.strip(),
                            port,
                            connection.setting(EmailSettings.SMTP_USERNAME).orElse(null),
                            connection.secret(EmailSettings.SMTP_PASSWORD).orElse(null),
                            startTls);
                })
                .orElseGet(() -> new Relay(
                        defaults.host(),
                        defaults.port(),
                        blankToNull(defaults.username()),
                        blankToNull(defaults.password()),
                        defaults.startTls()));
    }

    private static int port(ChannelConnection connection, String value) {
        try {
            int port = Integer.parseInt(value.strip());
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw EmailDeliveryException.notConfigured(
                "Connection " + connection.id() + " has an invalid " + EmailSettings.SMTP_PORT + ".");
    }

    private static InternetAddress address(String address, String name) {
        try {
            return new InternetAddress(address, blankToNull(name), StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is not supported", e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Where and how one mail is handed over. */
    private record Relay(String host, int port, String username, String password, boolean startTls) {

        @Override
        public String toString() {
            return "Relay[" + host + ":" + port + ", username=" + username + ", password=***, startTls=" + startTls
                    + "]";
        }

        Properties sessionProperties(String localHost, EmailProperties.Smtp defaults) {
            String timeout = String.valueOf(defaults.timeout().toMillis());
            Properties session = new Properties();
            session.setProperty("mail.smtp.host", host);
            session.setProperty("mail.smtp.port", String.valueOf(port));
            session.setProperty("mail.smtp.connectiontimeout", timeout);
            session.setProperty("mail.smtp.timeout", timeout);
            session.setProperty("mail.smtp.writetimeout", timeout);
            // The EHLO name; without it Jakarta Mail asks DNS for this host's name on every send.
            session.setProperty("mail.smtp.localhost", localHost.toLowerCase(Locale.ROOT));
            session.setProperty("mail.smtp.auth", String.valueOf(username != null));
            if (startTls) {
                session.setProperty("mail.smtp.starttls.enable", "true");
                session.setProperty("mail.smtp.starttls.required", "true");
                session.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            return session;
        }
    }

    /** A message whose {@code Message-ID} is the one given, not one Jakarta Mail makes up on {@code saveChanges}. */
    private static final class IdentifiedMimeMessage extends MimeMessage {

        private final String messageId;

        IdentifiedMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
