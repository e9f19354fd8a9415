package io.touchpoint.channel.web.webhook.meta;

import io.touchpoint.channel.application.inbound.InboundIngestion;
import io.touchpoint.channel.application.inbound.Signatures;
import io.touchpoint.channel.application.inbound.WebhookGate;
import io.touchpoint.channel.application.outbound.DeliveryReceipt;
import io.touchpoint.channel.application.outbound.DeliveryReceipts;
import io.touchpoint.channel.domain.connection.ChannelConnection;
import io.touchpoint.channel.domain.inbound.InboundMessage;
import io.touchpoint.events.Channel;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Meta's webhooks for WhatsApp Cloud API, Messenger and Instagram connections, at
 * {@code /webhooks/{whatsapp|messenger|instagram}/{connectionId}}:
 *
 * <ul>
 *   <li>{@code GET}: the subscription handshake. {@code hub.verify_token} must be the connection's
 *       {@code verifyToken}; the answer echoes {@code hub.challenge}.
 *   <li>{@code POST}: notifications, signed {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>}
 *       with the connection's {@code appSecret}. Every customer message in it is stored (each deduplicated on its own
 *       {@code wamid}/{@code mid}), every status is handed to {@link DeliveryReceipts}, and only then is it answered
 *       200, so a failure half way makes Meta retry the whole POST and the stored part is not stored twice.
 * </ul>
 *
 * <p>Optional settings narrow a connection to one account of an app whose callback URL several accounts share:
 * {@code phoneNumberId} (WhatsApp), {@code pageId} (Messenger), {@code instagramAccountId} (Instagram).
 */
@RestController
class MetaWebhookController {

    static final String SIGNATURE_HEADER = "X-Hub-Signature-256";

    private static final String PATH = "/webhooks/{kind:whatsapp|messenger|instagram}/{connectionId}";

    private final WebhookGate gate;

    private final InboundIngestion ingestion;

    private final DeliveryReceipts receipts;

    private final Clock clock;

    MetaWebhookController(WebhookGate gate, InboundIngestion ingestion, DeliveryReceipts receipts, Clock clock) {
        this.gate = gate;
        this.ingestion = ingestion;
        this.receipts = receipts;
        this.clock = clock;
    }

    @GetMapping(path = PATH)
    ResponseEntity<String> verifySubscription(
            @PathVariable String kind,
            @PathVariable String connectionId,
            @RequestParam(name = "hub.mode", required = false) String mode,
            @RequestParam(name = "hub.verify_token", required = false) String verifyToken,
            @RequestParam(name = "hub.challenge") String challenge) {
        ChannelConnection connection = gate.connection(channel(kind), connectionId);
        String expected =
                connection.secret("verifyToken").orElseThrow(() -> gate.forbidden(connection, "not_configured"));
        if (!"subscribe".equals(mode)) {
            throw gate.forbidden(connection, "invalid_mode");
        }
        if (!Signatures.matches(expected, verifyToken)) {
            throw gate.forbidden(connection, "invalid_verify_token");
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(challenge);
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> receive(
            @PathVariable String kind,
            @PathVariable String connectionId,
            @RequestHeader(name = SIGNATURE_HEADER, required = false) String signature,
            @RequestBody byte[] body) {
        Channel channel = channel(kind);
        ChannelConnection connection = gate.connection(channel, connectionId);
        verify(connection, signature, body);
        MetaEvents events = parse(connection, body, clock.instant());
        for (InboundMessage message : events.messages()) {
            ingestion.ingest(connection, message);
        }
        for (DeliveryReceipt receipt : events.receipts()) {
            receipts.record(connection, receipt);
        }
        return ResponseEntity.ok().build();
    }

    private void verify(ChannelConnection connection, String header, byte[] body) {
        gate.verify(
                connection,
                "appSecret",
                header,
                (appSecret, signature) -> Signatures.matches(
                        "sha256=" + Signatures.hmacSha256Hex(appSecret, body),
                        signature.strip().toLowerCase(Locale.ROOT)));
    }

    private static MetaEvents parse(ChannelConnection connection, byte[] body, Instant receivedAt) {
        return switch (connection.kind()) {
            case WHATSAPP -> WhatsAppNotification.parse(
                    body, connection.setting("phoneNumberId").orElse(null), receivedAt);
            case MESSENGER -> MessengerNotification.parse(
                    body, Channel.MESSENGER, connection.setting("pageId").orElse(null), receivedAt);
            case INSTAGRAM -> MessengerNotification.parse(
                    body,
                    Channel.INSTAGRAM,
                    connection.setting("instagramAccountId").orElse(null),
                    receivedAt);
            default -> throw new IllegalStateException("not a Meta channel: " + connection.kind());
        };
    }

    private static Channel channel(String kind) {
        return Channel.valueOf(kind.toUpperCase(Locale.ROOT));
    }
}
