package io.touchpoint.channel.messaging.provider;

import io.touchpoint.channel.application.outbound.ChannelSender;
import io.touchpoint.channel.config.DeliveryProperties;
import io.touchpoint.channel.domain.connection.ChannelConnection;
import io.touchpoint.channel.domain.outbound.OutboundMessage;
import io.touchpoint.channel.domain.outbound.SendOutcome;
import io.touchpoint.events.Channel;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Messenger and Instagram through Meta's Send API: {@code POST {base}/{version}/me/messages} with the page access
 * token as bearer, {@code recipient.id} the page-scoped id, {@code messaging_type: RESPONSE}. Meta reports delivery
 * and reads as webhooks, so an accepted message is {@code SENT}. One instance per channel
 * ({@link ProviderSenders}).
 *
 * <p>Connection: secret {@code accessToken} (the page access token).
 */
class MetaSendApiSender implements ChannelSender, ProviderHttp.Api {

    static final Set<String> THROTTLING = Set.of("4", "17", "32", "613");

    private final Channel channel;

    private final ProviderHttp http;

    private final DeliveryProperties properties;

    MetaSendApiSender(Channel channel, ProviderHttp http, DeliveryProperties properties) {
        this.channel = channel;
        this.http = http;
        this.properties = properties;
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public SendOutcome send(ChannelConnection connection, OutboundMessage message) {
        Optional<String> token = connection.secret("accessToken");
        if (token.isEmpty()) {
            return ConnectionSettings.missing(connection, "accessToken secret");
        }
        String text = message.content().text();
        if (text == null || text.isBlank()) {
            return ConnectionSettings.noText();
        }
        ObjectNode body = ProviderHttp.json.createObjectNode();
        body.putObject("recipient").put("id", message.recipient().value());
        body.put("messaging_type", "RESPONSE");
        body.putObject("message").put("text", text);
        return http.send(MetaGraph.post(connection, properties.providers(), "/me/messages", token.get(), body), this);
    }

    @Override
    public String name() {
        return channel == Channel.INSTAGRAM ? "the Instagram Send API" : "the Messenger Send API";
    }

    @Override
    public String providerMessageId(JsonNode body) {
        return ProviderHttp.text(body.path("message_id"));
    }

    @Override
    public String providerErrorCode(JsonNode body) {
        return MetaGraph.errorCode(body);
    }

    @Override
    public boolean isThrottling(int status, String providerErrorCode) {
        return providerErrorCode != null && THROTTLING.contains(providerErrorCode);
    }

    @Override
    public String errorCode(int status, String providerErrorCode) {
        if (providerErrorCode == null) {
            return ProviderHttp.byStatus(status);
        }
        return switch (providerErrorCode) {
                // 10 / 2018278: outside the 24-hour standard messaging window
            case "10" -> "window_closed";
                // 551: this person is not available right now; 100: no matching user
            case "551", "100" -> "invalid_recipient";
            case "190", "200" -> "provider_auth_failed";
            default -> ProviderHttp.byStatus(status);
        };
    }
}
