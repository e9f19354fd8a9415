package io.touchpoint.channel.web.webhook.sms;

import io.touchpoint.channel.application.inbound.MalformedPayloadException;
import io.touchpoint.channel.domain.inbound.InboundMessage;
import io.touchpoint.channel.web.webhook.WebhookPayloads;
import io.touchpoint.events.Attachment;
import io.touchpoint.events.Channel;
import io.touchpoint.events.Handle;
import io.touchpoint.events.MessageContent;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An incoming message as Twilio (and the providers that copy its format) posts it: form parameters {@code MessageSid},
 * {@code From}, {@code To}, {@code Body}, {@code NumMedia} and {@code MediaUrl<n>}/{@code MediaContentType<n>}.
 */
final class TwilioInboundSms {

    /** Twilio's {@code SM…}/{@code MM…} SIDs, and the UUIDs of compatible providers. */
    private static final Pattern MESSAGE_SID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** Twilio delivers at most 10 media per MMS. */
    private static final int MAX_MEDIA = 10;

    private TwilioInboundSms() {}

    /** The message the body parameters describe; {@link MalformedPayloadException} when they do not describe one. */
    static InboundMessage parse(Map<String, List<String>> form, Instant receivedAt) {
        String sid = single(form, "MessageSid");
        if (sid == null || !MESSAGE_SID.matcher(sid).matches()) {
            throw new MalformedPayloadException("MessageSid must be a message id of letters, digits, - and _.");
        }
        String from = single(form, "From");
        if (from == null || !WebhookPayloads.E164.matcher(from).matches()) {
            throw new MalformedPayloadException("From must be a phone number in E.164 format.");
        }
        String body = single(form, "Body");
        List<Attachment> media = media(form);
        if (body == null && media.isEmpty()) {
            throw new MalformedPayloadException("A message needs a Body or media.");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        putIfPresent(metadata, "to", single(form, "To"));
        putIfPresent(metadata, "fromCountry", single(form, "FromCountry"));
        putIfPresent(metadata, "numSegments", single(form, "NumSegments"));
        return new InboundMessage(
                Channel.SMS,
                sid,
                Handle.of(Handle.Kind.PHONE, from),
                null,
                new MessageContent(null, body != null ? body : "", null, media),
                null,
                metadata,
                receivedAt);
    }

    private static List<Attachment> media(Map<String, List<String>> form) {
        String declared = single(form, "NumMedia");
        int count;
        try {
            count = declared == null ? 0 : Integer.parseInt(declared);
        } catch (NumberFormatException e) {
            throw new MalformedPayloadException("NumMedia must be a number.");
        }
        if (count < 0 || count > MAX_MEDIA) {
            throw new MalformedPayloadException("NumMedia must be between 0 and " + MAX_MEDIA + ".");
        }
        List<Attachment> media = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            URI url = mediaUrl(single(form, "MediaUrl" + i), i);
            String type = single(form, "MediaContentType" + i);
            if (type == null || !WebhookPayloads.MEDIA_TYPE.matcher(type).matches()) {
                throw new MalformedPayloadException("MediaContentType" + i + " must be a media type.");
            }
            String path = url.getPath();
            String name = path.substring(path.lastIndexOf('/') + 1);
            // Twilio keeps the file at MediaUrl (fetched with the account's credentials when HTTP auth is on); its
            // size is not in the webhook.
            media.add(new Attachment(name.isEmpty() ? "media-" + i : name, type, 0, url));
        }
        return media;
    }

    private static URI mediaUrl(String value, int index) {
        try {
            URI url = value == null ? null : new URI(value);
            if (url != null
                    && url.isAbsolute()
                    && url.getHost() != null
                    && url.getScheme().matches("https?")) {
                return url;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new MalformedPayloadException("MediaUrl" + index + " must be an http(s) URL.");
    }

    private static String single(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new MalformedPayloadException(name + " is given more than once.");
        }
        return values.get(0);
    }

    private static void putIfPresent(Map<String, String> metadata, String name, String value) {
        if (value != null && !value.isBlank()) {
            metadata.put(name, value);
        }
    }
}
