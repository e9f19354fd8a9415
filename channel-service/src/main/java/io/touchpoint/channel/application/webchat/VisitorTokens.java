package io.touchpoint.channel.application.webchat;

import io.touchpoint.channel.application.inbound.Signatures;
import io.touchpoint.channel.config.SecretsProperties;
import io.touchpoint.channel.config.WebChatProperties;
import io.touchpoint.channel.domain.webchat.ChatConversation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Issues and checks the tokens a chat widget sends as {@code Authorization: Bearer} (or {@code ?token=} on the event
 * stream): {@code v1.<payload>.<signature>}, both base64url, the payload binding tenant, connection, conversation,
 * visitor and expiry, the signature an HMAC-SHA256 over {@code v1.<payload>}. The key is derived from the channel
 * secrets key, so there is no further secret to deploy; changing that key signs every visitor out.
 */
@Component
public class VisitorTokens {

    private static final String VERSION = "v1";

    private static final String KEY_PURPOSE = "touchpoint.channel.web-chat.visitor-token.v1";

    private static final Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();

    private static final Base64.Decoder decoder = Base64.getUrlDecoder();

    private final byte[] key;

    private final Duration validity;

    private final Clock clock;

    @Autowired
    public VisitorTokens(SecretsProperties secrets, WebChatProperties properties, Clock clock) {
        this(secrets.key(), properties.tokenValidity(), clock);
    }

    public VisitorTokens(String secret, Duration validity, Clock clock) {
        this.key = Signatures.hmacSha256(
                secret.getBytes(StandardCharsets.UTF_8), KEY_PURPOSE.getBytes(StandardCharsets.UTF_8));
        this.validity = Objects.requireNonNull(validity, "validity");
        this.clock = clock;
    }

    /** A token for the visitor of {@code conversation}, valid for the configured time from now. */
    public String issue(ChatConversation conversation) {
        Instant expiresAt = expiresAt();
        String payload = String.join(
                "\n",
                field(conversation.tenantId()),
                field(conversation.connectionId()),
                field(conversation.id()),
                field(conversation.visitor().value()),
                Long.toString(expiresAt.getEpochSecond()));
        String signed = VERSION + "." + encoder.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return signed + "."
                + encoder.encodeToString(Signatures.hmacSha256(key, signed.getBytes(StandardCharsets.UTF_8)));
    }

    /** When a token issued now expires, to the second. */
    public Instant expiresAt() {
        return Instant.ofEpochSecond(clock.instant().plus(validity).getEpochSecond());
    }

    /** What {@code token} proves; 401 when it is missing, malformed, forged or expired. */
    public VisitorToken verify(String token) {
        if (token == null || token.isBlank()) {
            throw new InvalidVisitorTokenException("The request has no visitor token.");
        }
        String[] parts = token.trim().split("\\.", -1);
        if (parts.length != 3 || !parts[0].equals(VERSION)) {
            throw malformed();
        }
        byte[] signature;
        byte[] payload;
        try {
            signature = decoder.decode(parts[2]);
            payload = decoder.decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
        byte[] expected = Signatures.hmacSha256(key, (parts[0] + "." + parts[1]).getBytes(StandardCharsets.UTF_8));
        if (!MessageDigest.isEqual(expected, signature)) {
            throw new InvalidVisitorTokenException("The visitor token has an invalid signature.");
        }
        String[] fields = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
        if (fields.length != 5) {
            throw malformed();
        }
        Instant expiresAt;
        try {
            expiresAt = Instant.ofEpochSecond(Long.parseLong(fields[4]));
        } catch (NumberFormatException e) {
            throw malformed();
        }
        if (!clock.instant().isBefore(expiresAt)) {
            throw new InvalidVisitorTokenException("The visitor token has expired; start a new conversation.");
        }
        return new VisitorToken(fields[0], fields[1], fields[2], fields[3], expiresAt);
    }

    private static String field(String value) {
        if (value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("token fields cannot contain line breaks");
        }
        return value;
    }

    private static InvalidVisitorTokenException malformed() {
        return new InvalidVisitorTokenException("The visitor token is malformed.");
    }
}
