package io.touchpoint.channel.messaging.provider;

import io.touchpoint.channel.application.outbound.ChannelSender;
import io.touchpoint.channel.config.DeliveryProperties;
import io.touchpoint.channel.domain.connection.ChannelConnection;
import io.touchpoint.channel.domain.outbound.OutboundMessage;
import io.touchpoint.channel.domain.outbound.OutboundMessage.Template;
import io.touchpoint.channel.domain.outbound.SendOutcome;
import io.touchpoint.events.Channel;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * WhatsApp through Meta's Cloud API: {@code POST {base}/{version}/{phoneNumberId}/messages} with a bearer access
 * token; a text message, or an approved template when the message carries one; {@code context.message_id} when it
 * answers a customer's message ({@code wamid…}). Meta reports delivery and reads as status webhooks, so an accepted
 * message is {@code SENT}.
 *
 * <p>Connection: setting {@code phoneNumberId}, secret {@code accessToken}.
 */
@Component
class WhatsAppCloudSender implements ChannelSender, ProviderHttp.Api {

    /** Graph error codes that are throttling although answered with HTTP 400. */
    static final Set<String> THROTTLING = Set.of("4", "80007", "130429", "131048", "131056");

    private final ProviderHttp http;

    private final DeliveryProperties properties;

    WhatsAppCloudSender(ProviderHttp http, DeliveryProperties properties) {
        this.http = http;
        this.properties = properties;
    }

    @Override
    public Channel channel() {
        return Channel.WHATSAPP;
    }

    @Override
    public SendOutcome send(ChannelConnection connection, OutboundMessage message) {
        Optional<String> phoneNumberId = connection.setting("phoneNumberId");
        if (phoneNumberId.isEmpty()) {
            return ConnectionSettings.missing(connection, "phoneNumberId setting");
        }
        Optional<String> token = connection.secret("accessToken");
        if (token.isEmpty()) {
            return ConnectionSettings.missing(connection, "accessToken secret");
        }
        ObjectNode body = ProviderHttp.json
                .createObjectNode()
                .put("messaging_product", "whatsapp")
                .put("recipient_type", "individual")
                // The Cloud API takes the number with or without '+'; its examples and answers use digits only.
                .put("to", message.recipient().value().replaceFirst("^\\+", ""));
        Template template = message.template();
        if (template != null) {
            ObjectNode content =
                    body.put("type", "template").putObject("template").put("name", template.name());
            content.putObject("language").put("code", template.language());
            if (!template.parameters().isEmpty()) {
                ArrayNode parameters = content.putArray("components")
                        .addObject()
                        .put("type", "body")
                        .putArray("parameters");
                template.parameters()
                        .forEach(value ->
                                parameters.addObject().put("type", "text").put("text", value));
            }
        } else {
            String text = message.content().text();
            if (text == null || text.isBlank()) {
                return ConnectionSettings.noText();
            }
            body.put("type", "text").putObject("text").put("preview_url", false).put("body", text);
        }
        if (message.inReplyTo() != null && message.inReplyTo().startsWith("wamid.")) {
            body.putObject("context").put("message_id", message.inReplyTo());
        }
        return http.send(
                MetaGraph.post(
                        connection, properties.providers(), "/" + phoneNumberId.get() + "/messages", token.get(), body),
                this);
    }

    @Override
    public String name() {
        return "the WhatsApp Cloud API";
    }

    @Override
    public String providerMessageId(JsonNode body) {
        return ProviderHttp.text(body.path("messages").path(0).path("id"));
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
                // re-engagement message: more than 24 hours since the customer last wrote
            case "131047" -> "window_closed";
                // undeliverable, recipient not a WhatsApp user / not allowed, invalid parameter "to"
            case "131026", "131030", "131009" -> "invalid_recipient";
            case "131050" -> "opted_out";
            case "190", "0", "3", "10", "200" -> "provider_auth_failed";
            case "132000", "132001", "132005", "132007", "132012", "132015", "132016" -> "template_rejected";
            default -> ProviderHttp.byStatus(status);
        };
    }
}
