package io.touchpoint.channel.web.webhook.sms;

import io.touchpoint.channel.application.inbound.InboundIngestion;
import io.touchpoint.channel.application.inbound.InboundIngestion.Ingested;
import io.touchpoint.channel.application.inbound.OptOuts;
import io.touchpoint.channel.application.inbound.WebhookGate;
import io.touchpoint.channel.domain.connection.ChannelConnection;
import io.touchpoint.channel.domain.inbound.InboundMessage;
import io.touchpoint.events.Channel;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Incoming SMS/MMS from Twilio, or a provider that speaks Twilio's webhook format: a form POST to
 * {@code /webhooks/sms/{connectionId}} signed with the connection's {@code authToken} ({@link TwilioSignature} over
 * the {@link PublicWebhookUrl}). The answer is an empty TwiML {@code <Response/>}, sent once the message is stored;
 * a message that is a {@code STOP}/{@code START} keyword also changes the sender's consent.
 */
@RestController
class TwilioSmsWebhookController {

    static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    private final WebhookGate gate;

    private final InboundIngestion ingestion;

    private final OptOuts optOuts;

    private final Clock clock;

    TwilioSmsWebhookController(WebhookGate gate, InboundIngestion ingestion, OptOuts optOuts, Clock clock) {
        this.gate = gate;
        this.ingestion = ingestion;
        this.optOuts = optOuts;
        this.clock = clock;
    }

    /**
     * @param form the POST body's parameters only: Spring reads them from the body, not from the query string, which
     *     Twilio signs as part of the URL instead
     */
    @PostMapping(path = "/webhooks/sms/{connectionId}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> receive(
            @PathVariable String connectionId,
            @RequestHeader(name = TwilioSignature.HEADER, required = false) String signature,
            @RequestBody MultiValueMap<String, String> form,
            HttpServletRequest request) {
        ChannelConnection connection = gate.connection(Channel.SMS, connectionId);
        String url = PublicWebhookUrl.of(connection, request);
        gate.verify(
                connection,
                TwilioSignature.SECRET,
                signature,
                (authToken, value) -> TwilioSignature.verify(authToken, url, form, value));
        InboundMessage message = TwilioInboundSms.parse(form, clock.instant());
        Ingested ingested = ingestion.ingest(connection, message);
        optOuts.applyKeyword(connection, message, ingested);
        return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(EMPTY_TWIML);
    }
}
