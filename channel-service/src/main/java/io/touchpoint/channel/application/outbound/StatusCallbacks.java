package io.touchpoint.channel.application.outbound;

import io.touchpoint.channel.config.DeliveryProperties;
import io.touchpoint.channel.domain.connection.ChannelConnection;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The URL Twilio is asked to post an SMS's delivery statuses to ({@code /webhooks/sms/{connectionId}/status} as the
 * provider reaches it), which is also the URL its signature covers.
 */
@Component
public class StatusCallbacks {

    /** A connection setting naming the status callback URL verbatim. */
    public static final String STATUS_CALLBACK_URL = "statusCallbackUrl";

    /**
     * The connection setting with the public URL of its inbound webhook, as entered in the provider's console: the URL
     * Twilio signs, and the base of the status callback URL.
     */
    public static final String WEBHOOK_URL = "webhookUrl";

    private final DeliveryProperties properties;

    public StatusCallbacks(DeliveryProperties properties) {
        this.properties = properties;
    }

    /**
     * In order: the connection's {@code statusCallbackUrl}; its {@code webhookUrl} with {@code /status} appended;
     * {@code touchpoint.channel.delivery.public-base-url} with the path; else none, and Twilio reports no statuses.
     */
    public Optional<String> smsStatusUrl(ChannelConnection connection) {
        Optional<String> configured = connection.setting(STATUS_CALLBACK_URL);
        if (configured.isPresent()) {
            return configured;
        }
        Optional<String> inbound = connection.setting(WEBHOOK_URL);
        if (inbound.isPresent()) {
            return inbound.map(url -> url.replaceAll("/+$", "") + "/status");
        }
        return Optional.ofNullable(properties.publicBaseUrl())
                .map(base -> base.toString().replaceAll("/+$", ""))
                .filter(base -> !base.isBlank())
                .map(base -> base + "/webhooks/sms/" + connection.id() + "/status");
    }
}
