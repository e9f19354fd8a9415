package io.touchpoint.channel.web.webhook;

import io.touchpoint.channel.application.inbound.InboundIngestion;
import io.touchpoint.channel.application.inbound.InboundIngestion.Ingested;
import io.touchpoint.channel.application.inbound.MalformedPayloadException;
import io.touchpoint.channel.application.inbound.Signatures;
import io.touchpoint.channel.application.inbound.WebhookGate;
import io.touchpoint.channel.domain.connection.ChannelConnection;
import io.touchpoint.channel.domain.inbound.InboundMessage;
import io.touchpoint.events.Attachment;
import io.touchpoint.events.Channel;
import io.touchpoint.events.Handle;
import io.touchpoint.events.MessageContent;
import io.touchpoint.events.interaction.InteractionReceived.ThreadHints;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generic API channel: a company's own apps post customers' messages as signed JSON to
 * {@code /webhooks/api/{connectionId}}. The signature is Stripe's scheme, {@code Touchpoint-Signature:
 * t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">} with the connection's {@code signingKey}, so a captured request
 * cannot be replayed after {@link #TOLERANCE}.
 */
@RestController
class ApiChannelWebhookController {

    static final String SIGNATURE_HEADER = "Touchpoint-Signature";

    static final Duration TOLERANCE = Duration.ofMinutes(5);

    /** Strict, unlike the providers' formats: the company's app is told about a field Touchpoint does not know. */
    private static final JsonMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final WebhookGate gate;

    private final InboundIngestion ingestion;

    private final Validator validator;

    private final Clock clock;

    ApiChannelWebhookController(WebhookGate gate, InboundIngestion ingestion, Validator validator, Clock clock) {
        this.gate = gate;
        this.ingestion = ingestion;
        this.validator = validator;
        this.clock = clock;
    }

    @PostMapping(path = "/webhooks/api/{connectionId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accepted> receive(
            @PathVariable String connectionId,
            @RequestHeader(name = SIGNATURE_HEADER, required = false) String signature,
            @RequestBody byte[] body) {
        ChannelConnection connection = gate.connection(Channel.API, connectionId);
        verify(connection, signature, body);
        ApiMessage message = parse(body);
        Ingested ingested = ingestion.ingest(connection, message.toInbound(clock.instant()));
        return ResponseEntity.status(ingested.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(new Accepted(ingested.messageId(), ingested.duplicate()));
    }

    private void verify(ChannelConnection connection, String header, byte[] body) {
        gate.verify(connection, "signingKey", header, (key, signature) -> signs(connection, key, signature, body));
    }

    /** Whether {@code header} signs {@code body} with {@code key}; refused when it is malformed or too old. */
    private boolean signs(ChannelConnection connection, String key, String header, byte[] body) {
        String timestamp = null;
        String expected = null;
        for (String part : header.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t")) {
                timestamp = pair[1];
            } else if (pair.length == 2 && pair[0].equals("v1")) {
                expected = pair[1];
            }
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw gate.rejected(connection, "malformed");
        }
        if (Duration.between(Instant.ofEpochSecond(seconds), clock.instant())
                        .abs()
                        .compareTo(TOLERANCE)
                > 0) {
            throw gate.rejected(connection, "expired");
        }
        byte[] signed = concat((timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
        return Signatures.matches(Signatures.hmacSha256Hex(key, signed), expected);
    }

    private ApiMessage parse(byte[] body) {
        ApiMessage message = WebhookPayloads.read(json, body, ApiMessage.class, "a message of the API channel");
        Set<ConstraintViolation<ApiMessage>> violations = validator.validate(message);
        if (!violations.isEmpty()) {
            ConstraintViolation<ApiMessage> first = violations.iterator().next();
            throw new MalformedPayloadException(first.getPropertyPath() + " " + first.getMessage() + ".");
        }
        return message;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] result = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, result, first.length, second.length);
        return result;
    }

    /**
     * A message posted by a company's app.
     *
     * @param messageId the app's id of the message: posting the same id again is answered 200 and stores nothing
     * @param customer who wrote it, as the app identifies them ({@code external} kind for the app's own user ids)
     * @param conversationId the conversation it continues, {@code cnv_…}, if the app knows it
     */
    record ApiMessage(
            @NotBlank @Size(max = 200) String messageId,
            @NotNull Handle customer,
            @NotBlank @Size(max = 100_000) String text,
            @Size(max = 500) String subject,
            @Size(max = 100) String conversationId,
            @Size(max = 200) String inReplyTo,
            @Size(max = 35) String language,
            @Size(max = 20) List<Attachment> attachments,
            @Size(max = 20) Map<String, String> metadata) {

        InboundMessage toInbound(Instant receivedAt) {
            if (customer.kind() == null
                    || customer.value() == null
                    || customer.value().isBlank()) {
                throw new MalformedPayloadException("customer needs a kind and a value.");
            }
            return new InboundMessage(
                    Channel.API,
                    messageId,
                    customer,
                    new ThreadHints(conversationId, null, inReplyTo, null),
                    new MessageContent(subject, text, null, attachments),
                    language,
                    metadata,
                    receivedAt);
        }
    }

    /** The answer to the app: the stored message's id, and whether it had been stored before. */
    record Accepted(String id, boolean duplicate) {}
}
