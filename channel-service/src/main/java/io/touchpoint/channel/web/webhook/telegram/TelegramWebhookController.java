package io.touchpoint.channel.web.webhook.telegram;

import io.touchpoint.channel.application.inbound.InboundIngestion;
import io.touchpoint.channel.application.inbound.Signatures;
import io.touchpoint.channel.application.inbound.WebhookGate;
import io.touchpoint.channel.domain.connection.ChannelConnection;
import io.touchpoint.events.Channel;
import java.time.Clock;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Telegram bot's webhook, {@code /webhooks/telegram/{connectionId}}, registered with {@code setWebhook} and a
 * {@code secret_token} equal to the connection's {@code secretToken}: Telegram sends it back in
 * {@code X-Telegram-Bot-Api-Secret-Token} on every update, and that is what authenticates the update.
 */
@RestController
class TelegramWebhookController {

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private final WebhookGate gate;

    private final InboundIngestion ingestion;

    private final Clock clock;

    TelegramWebhookController(WebhookGate gate, InboundIngestion ingestion, Clock clock) {
        this.gate = gate;
        this.ingestion = ingestion;
        this.clock = clock;
    }

    @PostMapping(path = "/webhooks/telegram/{connectionId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> receive(
            @PathVariable String connectionId,
            @RequestHeader(name = SECRET_HEADER, required = false) String secretToken,
            @RequestBody byte[] body) {
        ChannelConnection connection = gate.connection(Channel.TELEGRAM, connectionId);
        gate.verify(connection, "secretToken", secretToken, Signatures::matches);
        TelegramUpdate.parse(body)
                .toInbound(clock.instant())
                .ifPresent(message -> ingestion.ingest(connection, message));
        return ResponseEntity.ok().build();
    }
}
