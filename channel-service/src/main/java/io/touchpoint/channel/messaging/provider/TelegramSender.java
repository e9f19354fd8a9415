package io.touchpoint.channel.messaging.provider;

import io.touchpoint.channel.application.outbound.ChannelSender;
import io.touchpoint.channel.config.DeliveryProperties;
import io.touchpoint.channel.domain.connection.ChannelConnection;
import io.touchpoint.channel.domain.outbound.OutboundMessage;
import io.touchpoint.channel.domain.outbound.SendOutcome;
import io.touchpoint.events.Channel;
import java.net.http.HttpRequest;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Telegram through the Bot API: {@code POST {base}/bot{botToken}/sendMessage} with {@code chat_id}, {@code text} and
 * {@code reply_to_message_id} when it answers a message. The Bot API reports no delivery or reads, so a message it
 * accepted is as delivered as it will ever be known to be: {@code DELIVERED}. Its message ids count per chat, so the
 * provider id is {@code <chat id>:<message id>}.
 *
 * <p>Connection: secret {@code botToken}.
 */
@Component
class TelegramSender implements ChannelSender, ProviderHttp.Api {

    private final ProviderHttp http;

    private final DeliveryProperties properties;

    TelegramSender(ProviderHttp http, DeliveryProperties properties) {
        this.http = http;
        this.properties = properties;
    }

    @Override
    public Channel channel() {
        return Channel.TELEGRAM;
    }

    @Override
    public SendOutcome send(ChannelConnection connection, OutboundMessage message) {
        Optional<String> token = connection.secret("botToken");
        if (token.isEmpty()) {
            return ConnectionSettings.missing(connection, "botToken secret");
        }
        String text = message.content().text();
        if (text == null || text.isBlank()) {
            return ConnectionSettings.noText();
        }
        ObjectNode body = ProviderHttp.json
                .createObjectNode()
                .put("chat_id", message.recipient().value())
                .put("text", text);
        replyTo(message.inReplyTo()).ifPresent(id -> body.put("reply_to_message_id", id));
        HttpRequest.Builder request = ProviderHttp.postJson(
                ProviderHttp.uri(
                        ConnectionSettings.baseUrl(
                                connection, properties.providers().telegram()),
                        "/bot" + token.get() + "/sendMessage"),
                body);
        SendOutcome outcome = http.send(request, this);
        if (outcome instanceof SendOutcome.Delivered sent) {
            // Telegram numbers messages per chat: the chat makes the id unique on the connection.
            return new SendOutcome.Delivered(message.recipient().value() + ":" + sent.providerMessageId());
        }
        return outcome;
    }

    /** The numeric message id in {@code inReplyTo}, which inbound Telegram ids carry last ({@code chat:message}). */
    static Optional<Long> replyTo(String inReplyTo) {
        if (inReplyTo == null || inReplyTo.isBlank()) {
            return Optional.empty();
        }
        String last = inReplyTo.substring(inReplyTo.lastIndexOf(':') + 1);
        try {
            return Optional.of(Long.parseLong(last));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String name() {
        return "the Telegram Bot API";
    }

    @Override
    public String providerMessageId(JsonNode body) {
        return ProviderHttp.text(body.path("result").path("message_id"));
    }

    @Override
    public String providerErrorCode(JsonNode body) {
        return ProviderHttp.text(body.path("error_code"));
    }

    @Override
    public SendOutcome accepted(String providerMessageId) {
        return new SendOutcome.Delivered(providerMessageId);
    }

    @Override
    public String errorCode(int status, String providerErrorCode) {
        return switch (status) {
                // "Forbidden: bot was blocked by the user"
            case 403 -> "recipient_blocked";
            case 401, 404 -> "provider_auth_failed"; // Telegram answers 404 for an unknown bot token
            default -> "rejected";
        };
    }
}
