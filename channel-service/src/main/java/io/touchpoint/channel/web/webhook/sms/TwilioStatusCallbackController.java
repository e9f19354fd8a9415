package io.touchpoint.channel.web.webhook.sms;

import io.touchpoint.channel.application.inbound.MalformedPayloadException;
import io.touchpoint.channel.application.inbound.WebhookGate;
import io.touchpoint.channel.application.outbound.DeliveryReceipt;
import io.touchpoint.channel.application.outbound.DeliveryReceipts;
import io.touchpoint.channel.application.outbound.StatusCallbacks;
import io.touchpoint.channel.domain.connection.ChannelConnection;
import io.touchpoint.channel.domain.outbound.DeliveryStatus;
import io.touchpoint.events.Channel;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's status callback for the SMS channel's outbound messages: a form POST to
 * {@code /webhooks/sms/{connectionId}/status} with {@code MessageSid}, {@code MessageStatus} and, on failure,
 * {@code ErrorCode}, signed like inbound webhooks ({@link TwilioSignature}) over the URL it was sent to
 * ({@link StatusCallbacks}). {@code sent}, {@code delivered}, {@code read}, {@code undelivered} and {@code failed} move
 * the message; the intermediate statuses ({@code queued}, {@code sending}, …) change nothing.
 */
@RestController
class TwilioStatusCallbackController {

    private static final Map<String, DeliveryStatus> STATUSES = Map.of(
            "sent", DeliveryStatus.SENT,
            "delivered", DeliveryStatus.DELIVERED,
            "read", DeliveryStatus.READ,
            "undelivered", DeliveryStatus.FAILED,
            "failed", DeliveryStatus.FAILED);

    private final WebhookGate gate;

    private final DeliveryReceipts receipts;

    private final StatusCallbacks statusCallbacks;

    private final Clock clock;

    TwilioStatusCallbackController(
            WebhookGate gate, DeliveryReceipts receipts, StatusCallbacks statusCallbacks, Clock clock) {
        this.gate = gate;
        this.receipts = receipts;
        this.statusCallbacks = statusCallbacks;
        this.clock = clock;
    }

    @PostMapping(path = "/webhooks/sms/{connectionId}/status", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Void> status(
            @PathVariable String connectionId,
            @RequestHeader(name = TwilioSignature.HEADER, required = false) String signature,
            @RequestBody MultiValueMap<String, String> form,
            HttpServletRequest request) {
        ChannelConnection connection = gate.connection(Channel.SMS, connectionId);
        String url = statusCallbacks.smsStatusUrl(connection).orElseGet(() -> PublicWebhookUrl.rebuilt(request));
        gate.verify(
                connection,
                TwilioSignature.SECRET,
                signature,
                (authToken, value) -> TwilioSignature.verify(authToken, url, form, value));
        String sid = single(form, "MessageSid");
        String status = single(form, "MessageStatus");
        if (sid == null || status == null) {
            throw new MalformedPayloadException("A status callback needs MessageSid and MessageStatus.");
        }
        Optional.ofNullable(STATUSES.get(status.toLowerCase(Locale.ROOT)))
                .ifPresent(delivery -> receipts.record(
                        connection,
                        new DeliveryReceipt(
                                sid,
                                delivery,
                                delivery == DeliveryStatus.FAILED ? single(form, "ErrorCode") : null,
                                delivery == DeliveryStatus.FAILED
                                        ? "Twilio reported the message " + status + "."
                                        : null,
                                clock.instant())));
        return ResponseEntity.noContent().build();
    }

    private static String single(MultiValueMap<String, String> form, String name) {
        List<String> values = form.get(name);
        if (values == null
                || values.isEmpty()
                || values.get(0) == null
                || values.get(0).isBlank()) {
            return null;
        }
        return values.get(0);
    }
}
