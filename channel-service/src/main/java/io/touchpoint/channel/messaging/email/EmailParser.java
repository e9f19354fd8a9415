package io.touchpoint.channel.messaging.email;

import io.touchpoint.channel.application.inbound.MalformedPayloadException;
import io.touchpoint.channel.domain.inbound.InboundMessage;
import io.touchpoint.events.Attachment;
import io.touchpoint.events.Channel;
import io.touchpoint.events.Handle;
import io.touchpoint.events.MessageContent;
import io.touchpoint.events.interaction.InteractionReceived.ThreadHints;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an inbound mail (RFC 5322 / MIME) into an {@link InboundMessage}: sender, subject, text and HTML bodies,
 * attachment metadata, threading headers and the authentication verdicts of the servers in front. The bytes of
 * attachments are not kept.
 *
 * <p>The provider message id, the dedupe key, is the {@code Message-ID}; a mail without one gets
 * {@code sha256:<hex of the raw message>}, so the same bytes delivered twice are still stored once.
 */
final class EmailParser {

    /** Longest text kept; longer is cut, so that a message and its event stay far below MongoDB's 16 MB. */
    static final int MAX_TEXT = 256 * 1024;

    /** Longest HTML kept; longer is dropped (cut HTML is broken HTML), the text stays. */
    static final int MAX_HTML = 512 * 1024;

    /** Most {@code References} kept: the first (the thread's root) and the latest ones, as RFC 5322 §3.6.4 advises. */
    static final int MAX_REFERENCES = 100;

    private static final Pattern MESSAGE_ID = Pattern.compile("<([^<>\\s]+)>");

    private static final Pattern LANGUAGE = Pattern.compile("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$");

    private final Session session;

    private final EmailAuthenticationResults authentication;

    EmailParser(List<String> trustedAuthservIds) {
        Properties properties = new Properties();
        properties.setProperty("mail.mime.decodefilename", "true");
        properties.setProperty("mail.mime.decodeparameters", "true");
        // An unknown Content-Transfer-Encoding is read as 8bit rather than failing the whole mail.
        properties.setProperty("mail.mime.ignoreunknownencoding", "true");
        this.session = Session.getInstance(properties);
        this.authentication = new EmailAuthenticationResults(trustedAuthservIds);
    }

    /**
     * @throws MalformedPayloadException when the mail cannot be read as MIME or has no usable {@code From}
     */
    InboundMessage parse(byte[] raw, Instant receivedAt) {
        try {
            MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
            String messageId = firstId(message.getHeader("Message-ID", " "));
            Body body = new Body(messageId != null ? messageId : sha256(raw));
            body.read(message, "");
            Map<String, String> metadata = new LinkedHashMap<>(
                    authentication.of(headers(message, "Authentication-Results"), headers(message, "Received-SPF")));
            String autoSubmitted = message.getHeader("Auto-Submitted", null);
            if (autoSubmitted != null && !autoSubmitted.isBlank()) {
                metadata.put("autoSubmitted", autoSubmitted.trim().toLowerCase(Locale.ROOT));
            }
            MessageContent content = body.content(blankToNull(message.getSubject()), metadata);
            return new InboundMessage(
                    Channel.EMAIL,
                    body.providerMessageId,
                    sender(message),
                    new ThreadHints(
                            null,
                            messageId,
                            firstId(message.getHeader("In-Reply-To", " ")),
                            references(message.getHeader("References", " "))),
                    content,
                    language(message.getHeader("Content-Language", ",")),
                    metadata,
                    receivedAt);
        } catch (MessagingException | IOException e) {
            throw new MalformedPayloadException("The mail is not readable MIME: " + e.getMessage());
        }
    }

    private static Handle sender(MimeMessage message) throws MessagingException {
        Address[] from;
        try {
            from = message.getFrom();
        } catch (MessagingException e) {
            throw new MalformedPayloadException("The From header is not an address: " + e.getMessage());
        }
        if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress sender)) {
            throw new MalformedPayloadException("The mail has no From header.");
        }
        String address = sender.getAddress();
        if (address == null || !address.contains("@")) {
            throw new MalformedPayloadException("The From header is not an address.");
        }
        return new Handle(Handle.Kind.EMAIL, address.toLowerCase(Locale.ROOT), blankToNull(sender.getPersonal()));
    }

    /** The first {@code <id>} of a header, with its angle brackets, as {@code Message-ID} values are written. */
    static String firstId(String header) {
        List<String> ids = ids(header);
        return ids.isEmpty() ? null : ids.get(0);
    }

    static List<String> references(String header) {
        List<String> ids = ids(header);
        if (ids.size() <= MAX_REFERENCES) {
            return ids;
        }
        List<String> kept = new ArrayList<>(MAX_REFERENCES);
        kept.add(ids.get(0));
        kept.addAll(ids.subList(ids.size() - (MAX_REFERENCES - 1), ids.size()));
        return kept;
    }

    private static List<String> ids(String header) {
        if (header == null) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        Matcher matcher = MESSAGE_ID.matcher(EmailAuthenticationResults.withoutComments(header));
        while (matcher.find()) {
            ids.add("<" + matcher.group(1) + ">");
        }
        return ids;
    }

    private static List<String> headers(MimeMessage message, String name) throws MessagingException {
        String[] values = message.getHeader(name);
        return values == null ? List.of() : Arrays.asList(values);
    }

    private static String language(String header) {
        if (header == null) {
            return null;
        }
        String first = header.split(",")[0].trim();
        return LANGUAGE.matcher(first).matches() ? first : null;
    }

    private static String sha256(byte[] raw) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** What the parts of one mail add up to, collected while walking its MIME tree. */
    private static final class Body {

        private final String providerMessageId;

        private final StringBuilder text = new StringBuilder();

        private final StringBuilder html = new StringBuilder();

        private final List<Attachment> attachments = new ArrayList<>();

        Body(String providerMessageId) {
            this.providerMessageId = providerMessageId;
        }

        /**
         * Walks {@code part}; {@code section} is its IMAP section number ({@code 2.1}), empty for the message itself.
         */
        void read(Part part, String section) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
                boolean alternative = part.isMimeType("multipart/alternative");
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    String childSection = section.isEmpty() ? String.valueOf(i + 1) : section + "." + (i + 1);
                    if (alternative && isAttachment(child)) {
                        continue; // an alternative is another rendering of the same body, never a file
                    }
                    read(child, childSection);
                }
            } else if (isAttachment(part)) {
                attachments.add(attachment(part, section.isEmpty() ? "1" : section));
            } else if (part.isMimeType("text/html")) {
                append(html, textOf(part));
            } else {
                append(text, textOf(part));
            }
        }

        MessageContent content(String subject, Map<String, String> metadata) {
            String htmlBody = html.isEmpty() ? null : html.toString();
            if (htmlBody != null && htmlBody.length() > MAX_HTML) {
                metadata.put("htmlOmitted", "too_large");
                htmlBody = null;
            }
            String textBody =
                    !text.isEmpty() ? text.toString() : !html.isEmpty() ? EmailText.fromHtml(html.toString()) : "";
            if (textBody.length() > MAX_TEXT) {
                metadata.put("textTruncated", "true");
                textBody = textBody.substring(0, MAX_TEXT);
            }
            return new MessageContent(subject, textBody, htmlBody, attachments);
        }

        /** Files, forwarded mails and anything that is not a text body: what a mail program shows as an attachment. */
        private static boolean isAttachment(Part part) throws MessagingException {
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
                return true;
            }
            return !part.isMimeType("text/plain") && !part.isMimeType("text/html") && !part.isMimeType("multipart/*");
        }

        private Attachment attachment(Part part, String section) throws MessagingException, IOException {
            String contentType = baseType(part);
            String name = part.getFileName();
            if (name == null || name.isBlank()) {
                name = contentType.equals("message/rfc822") ? "message.eml" : "attachment-" + section;
            }
            return new Attachment(name.strip(), contentType, decodedSize(part), partUri(section));
        }

        /**
         * Names the part within the message (RFC 2392 {@code mid:} URL, with the IMAP section as the fragment). Its
         * bytes are not stored, so this identifies the part rather than serving it.
         */
        private URI partUri(String section) {
            String id = providerMessageId.startsWith("<")
                    ? providerMessageId.substring(1, providerMessageId.length() - 1)
                    : providerMessageId;
            return URI.create("mid:" + encode(id) + "#part=" + section);
        }

        private static String baseType(Part part) throws MessagingException {
            try {
                return new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
            } catch (ParseException e) {
                return "application/octet-stream";
            }
        }

        private static long decodedSize(Part part) throws MessagingException {
            try (InputStream in = part.getInputStream()) {
                return in.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException e) {
                return Math.max(part.getSize(), 0); // undecodable content: its encoded size is the best we have
            }
        }

        private static String textOf(Part part) throws MessagingException, IOException {
            try {
                Object content = part.getContent();
                if (content instanceof String string) {
                    return string;
                }
            } catch (UnsupportedEncodingException unknownCharset) {
                // fall through: read the bytes in a charset that decodes anything
            }
            try (InputStream in = part.getInputStream()) {
                return new String(in.readAllBytes(), fallbackCharset(part));
            }
        }

        private static java.nio.charset.Charset fallbackCharset(Part part) throws MessagingException {
            try {
                String charset = new ContentType(part.getContentType()).getParameter("charset");
                if (charset != null) {
                    return java.nio.charset.Charset.forName(MimeUtility.javaCharset(charset));
                }
            } catch (ParseException | IllegalArgumentException e) {
                // an unknown or malformed charset
            }
            return StandardCharsets.ISO_8859_1;
        }

        private static void append(StringBuilder body, String part) {
            if (part.isBlank()) {
                return;
            }
            if (!body.isEmpty()) {
                body.append('\n');
            }
            // Mail travels with CRLF line ends; every other channel's text has LF.
            body.append(part.replace("\r\n", "\n"));
        }

        private static String encode(String value) {
            StringBuilder encoded = new StringBuilder(value.length());
            for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
                int c = b & 0xff;
                if ((c >= 'a' && c <= 'z')
                        || (c >= 'A' && c <= 'Z')
                        || (c >= '0' && c <= '9')
                        || "-._~@!$&'*+,;=".indexOf(c) >= 0) {
                    encoded.append((char) c);
                } else {
                    encoded.append('%').append(String.format("%02X", c));
                }
            }
            return encoded.toString();
        }
    }
}
