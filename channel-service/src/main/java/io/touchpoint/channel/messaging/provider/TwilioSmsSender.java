package io.touchpoint.channel.messaging.provider;

import io.touchpoint.channel.application.outbound.ChannelSender;
import io.touchpoint.channel.application.outbound.StatusCallbacks;
import io.touchpoint.channel.config.DeliveryProperties;
import io.touchpoint.channel.domain.connection.ChannelConnection;
import io.touchpoint.channel.domain.outbound.OutboundMessage;
import io.touchpoint.channel.domain.outbound.SendOutcome;
import io.touchpoint.events.Channel;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * SMS through Twilio's Messages API: {@code POST {base}/2010-04-01/Accounts/{accountSid}/Messages.json}, form
 * parameters {@code To}, {@code From} (or {@code MessagingServiceSid}), {@code Body}, {@code StatusCallback}, HTTP
 * basic auth with the account SID and auth token. Twilio reports delivery to the status callback, so an accepted
 * message is {@code SENT}.
 *
 * <p>Connection: setting (or secret) {@code accountSid}, secret {@code authToken}, setting {@code phoneNumber} or
 * {@code messagingServiceSid}.
 */
@Component
class TwilioSmsSender implements ChannelSender, ProviderHttp.Api {

    private final ProviderHttp http;

    private final DeliveryProperties properties;

    private final StatusCallbacks statusCallbacks;

    TwilioSmsSender(ProviderHttp http, DeliveryProperties properties, StatusCallbacks statusCallbacks) {
        this.http = http;
        this.properties = properties;
        this.statusCallbacks = statusCallbacks;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public SendOutcome send(ChannelConnection connection, OutboundMessage message) {
        Optional<String> accountSid = ConnectionSettings.settingOrSecret(connection, "accountSid");
        if (accountSid.isEmpty()) {
            return ConnectionSettings.missing(connection, "accountSid");
        }
        Optional<String> authToken = connection.secret("authToken");
        if (authToken.isEmpty()) {
            return ConnectionSettings.missing(connection, "authToken secret");
        }
        String text = message.content().text();
        if (text == null || text.isBlank()) {
            return ConnectionSettings.noText();
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", message.recipient().value());
        Optional<String> service = connection.setting("messagingServiceSid");
        if (service.isPresent()) {
            form.put("MessagingServiceSid", service.get());
        } else {
            Optional<String> from = connection.setting("phoneNumber");
            if (from.isEmpty()) {
                return ConnectionSettings.missing(connection, "phoneNumber or messagingServiceSid setting");
            }
            form.put("From", from.get());
        }
        form.put("Body", text);
        statusCallbacks.smsStatusUrl(connection).ifPresent(url -> form.put("StatusCallback", url));
        String credentials = Base64.getEncoder()
                .encodeToString((accountSid.get() + ":" + authToken.get()).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(ProviderHttp.uri(
                        ConnectionSettings.baseUrl(
                                connection, properties.providers().twilio()),
                        "/2010-04-01/Accounts/" + encode(accountSid.get()) + "/Messages.json"))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                        .collect(Collectors.joining("&"))));
        return http.send(request, this);
    }

    @Override
    public String name() {
        return "Twilio";
    }

    @Override
    public String providerMessageId(JsonNode body) {
        return ProviderHttp.text(body.path("sid"));
    }

    @Override
    public String providerErrorCode(JsonNode body) {
        return ProviderHttp.text(body.path("code"));
    }

    @Override
    public String errorCode(int status, String providerErrorCode) {
        if (providerErrorCode == null) {
            return ProviderHttp.byStatus(status);
        }
        return switch (providerErrorCode) {
                // invalid 'To', not a mobile number, unreachable, not a valid phone number
            case "21211", "21614", "21612", "21408" -> "invalid_recipient";
                // the recipient replied STOP: Twilio blocks the number
            case "21610" -> "opted_out";
            case "20003" -> "provider_auth_failed";
            default -> ProviderHttp.byStatus(status);
        };
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
