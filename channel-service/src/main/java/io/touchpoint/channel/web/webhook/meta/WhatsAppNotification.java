package io.touchpoint.channel.web.webhook.meta;

import static io.touchpoint.channel.web.webhook.meta.MetaJson.isBlank;
import static io.touchpoint.channel.web.webhook.meta.MetaJson.orEmpty;
import static io.touchpoint.channel.web.webhook.meta.MetaJson.require;

import io.touchpoint.channel.application.inbound.MalformedPayloadException;
import io.touchpoint.channel.application.outbound.DeliveryReceipt;
import io.touchpoint.channel.domain.inbound.InboundMessage;
import io.touchpoint.channel.domain.outbound.DeliveryStatus;
import io.touchpoint.channel.web.webhook.WebhookPayloads;
import io.touchpoint.events.Attachment;
import io.touchpoint.events.Channel;
import io.touchpoint.events.Handle;
import io.touchpoint.events.MessageContent;
import io.touchpoint.events.interaction.InteractionReceived.ThreadHints;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A WhatsApp Cloud API webhook: {@code entry[].changes[]} whose {@code field} is {@code messages} carry customers'
 * {@code messages[]} (with the senders' {@code contacts[]}) and {@code statuses[]} of messages sent to them.
 */
record WhatsAppNotification(String object, List<Entry> entry) {

    static final String OBJECT = "whatsapp_business_account";

    /** Where the Graph API serves a media object's metadata and download URL, given the connection's access token. */
    static final String GRAPH_API = "https://graph.facebook.com/";

    private static final Pattern MEDIA_ID = Pattern.compile("[A-Za-z0-9_.-]{1,200}");

    /**
     * The messages and statuses of {@code body}.
     *
     * @param phoneNumberId the connection's business phone number id, if set: changes for other numbers of the same
     *     app are skipped, since Meta sends every number's events to the app's one callback URL
     */
    static MetaEvents parse(byte[] body, String phoneNumberId, Instant receivedAt) {
        WhatsAppNotification notification = MetaJson.read(body, WhatsAppNotification.class, "a WhatsApp webhook");
        if (!OBJECT.equals(notification.object())) {
            throw new MalformedPayloadException("object must be " + OBJECT + ", not " + notification.object() + ".");
        }
        List<InboundMessage> messages = new ArrayList<>();
        List<DeliveryReceipt> receipts = new ArrayList<>();
        for (Entry entry : orEmpty(notification.entry())) {
            for (Change change : orEmpty(entry.changes())) {
                Value value = change.value();
                if (!"messages".equals(change.field()) || value == null) {
                    continue;
                }
                String number = value.metadata() != null ? value.metadata().phoneNumberId() : null;
                if (phoneNumberId != null && number != null && !phoneNumberId.equals(number)) {
                    continue;
                }
                for (Message message : orEmpty(value.messages())) {
                    message.toInbound(value, receivedAt).ifPresent(messages::add);
                }
                for (Status status : orEmpty(value.statuses())) {
                    status.toReceipt(receivedAt).ifPresent(receipts::add);
                }
            }
        }
        return new MetaEvents(messages, receipts);
    }

    record Entry(String id, List<Change> changes) {}

    record Change(String field, Value value) {}

    record Value(
            String messagingProduct,
            Metadata metadata,
            List<Contact> contacts,
            List<Message> messages,
            List<Status> statuses) {

        Optional<String> profileName(String waId) {
            List<Contact> known = orEmpty(contacts);
            return known.stream()
                    .filter(contact -> waId.equals(contact.waId()))
                    .findFirst()
                    .or(() -> known.size() == 1 ? Optional.of(known.get(0)) : Optional.empty())
                    .map(Contact::profile)
                    .map(Profile::name)
                    .filter(name -> !name.isBlank());
        }
    }

    record Metadata(String displayPhoneNumber, String phoneNumberId) {}

    record Contact(Profile profile, String waId) {}

    record Profile(String name) {}

    record Message(
            String from,
            String id,
            String timestamp,
            String type,
            Context context,
            Text text,
            Media image,
            Media video,
            Media audio,
            Media document,
            Media sticker,
            Interactive interactive,
            Button button,
            Location location) {

        /** The message as Touchpoint stores it; empty for kinds it does not take (reactions, unsupported, system). */
        Optional<InboundMessage> toInbound(Value value, Instant receivedAt) {
            require(id, "messages[].id");
            String phone = "+" + require(from, "messages[].from");
            if (!WebhookPayloads.E164.matcher(phone).matches()) {
                throw new MalformedPayloadException("messages[].from must be a phone number, not " + from + ".");
            }
            Optional<MessageContent> content = content();
            if (content.isEmpty()) {
                return Optional.empty();
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("type", type);
            if (value.metadata() != null && !isBlank(value.metadata().phoneNumberId())) {
                metadata.put("phoneNumberId", value.metadata().phoneNumberId());
            }
            Instant sentAt = MetaJson.epochSeconds(timestamp);
            if (sentAt != null) {
                metadata.put("sentAt", sentAt.toString());
            }
            if (interactive != null) {
                interactive.reply().map(Reply::id).ifPresent(replyId -> metadata.put("replyId", replyId));
            }
            if (button != null && !isBlank(button.payload())) {
                metadata.put("buttonPayload", button.payload());
            }
            String replyTo = context != null && !isBlank(context.id()) ? context.id() : null;
            return Optional.of(new InboundMessage(
                    Channel.WHATSAPP,
                    id,
                    new Handle(Handle.Kind.PHONE, phone, value.profileName(from).orElse(null)),
                    new ThreadHints(null, null, replyTo, null),
                    content.get(),
                    null,
                    metadata,
                    receivedAt));
        }

        private Optional<MessageContent> content() {
            if (type == null) {
                throw new MalformedPayloadException("messages[].type is missing.");
            }
            return switch (type) {
                case "text" -> Optional.of(MessageContent.text(text != null && text.body() != null ? text.body() : ""));
                case "image" -> media(image);
                case "video" -> media(video);
                case "audio" -> media(audio);
                case "document" -> media(document);
                case "sticker" -> media(sticker);
                case "interactive" -> Optional.ofNullable(interactive)
                        .flatMap(Interactive::reply)
                        .map(reply -> MessageContent.text(reply.title() != null ? reply.title() : ""));
                case "button" -> Optional.ofNullable(button)
                        .map(b -> MessageContent.text(b.text() != null ? b.text() : ""));
                case "location" -> Optional.ofNullable(location)
                        .map(Location::describe)
                        .map(MessageContent::text);
                default -> Optional.empty();
            };
        }

        private Optional<MessageContent> media(Media media) {
            if (media == null) {
                throw new MalformedPayloadException("messages[]." + type + " is missing.");
            }
            if (media.id() == null || !MEDIA_ID.matcher(media.id()).matches()) {
                throw new MalformedPayloadException("messages[]." + type + ".id is missing or invalid.");
            }
            String contentType = media.mimeType() != null
                            && WebhookPayloads.MEDIA_TYPE
                                    .matcher(media.mimeType())
                                    .matches()
                    ? media.mimeType()
                    : "application/octet-stream";
            String name = !isBlank(media.filename()) ? media.filename() : type + "-" + media.id();
            // The bytes stay with Meta until fetched with the connection's access token; the webhook has no size.
            var attachment = new Attachment(name, contentType, 0, URI.create(GRAPH_API + media.id()));
            return Optional.of(new MessageContent(
                    null, media.caption() != null ? media.caption() : "", null, List.of(attachment)));
        }
    }

    record Context(String from, String id) {}

    record Text(String body) {}

    record Media(String id, String mimeType, String sha256, String caption, String filename) {}

    record Interactive(String type, Reply buttonReply, Reply listReply) {

        Optional<Reply> reply() {
            return Optional.ofNullable(buttonReply != null ? buttonReply : listReply);
        }
    }

    record Reply(String id, String title, String description) {}

    record Button(String payload, String text) {}

    record Location(Double latitude, Double longitude, String name, String address) {

        String describe() {
            List<String> parts = new ArrayList<>();
            if (!isBlank(name)) {
                parts.add(name);
            }
            if (!isBlank(address)) {
                parts.add(address);
            }
            if (latitude != null && longitude != null) {
                parts.add("(" + latitude + ", " + longitude + ")");
            }
            return "Location: " + String.join(", ", parts);
        }
    }

    record Status(String id, String status, String timestamp, String recipientId, List<Error> errors) {

        /** The receipt for delivery tracking; empty for statuses it does not track. */
        Optional<DeliveryReceipt> toReceipt(Instant receivedAt) {
            require(id, "statuses[].id");
            DeliveryStatus delivery =
                    switch (require(status, "statuses[].status")) {
                        case "sent" -> DeliveryStatus.SENT;
                        case "delivered" -> DeliveryStatus.DELIVERED;
                        case "read" -> DeliveryStatus.READ;
                        case "failed" -> DeliveryStatus.FAILED;
                        default -> null;
                    };
            if (delivery == null) {
                return Optional.empty();
            }
            Instant at = MetaJson.epochSeconds(timestamp);
            Error error = orEmpty(errors).stream().findFirst().orElse(null);
            return Optional.of(new DeliveryReceipt(
                    id,
                    delivery,
                    error != null && error.code() != null ? error.code().toString() : null,
                    error != null ? error.describe() : null,
                    at != null ? at : receivedAt));
        }
    }

    record Error(Integer code, String title, String message, ErrorData errorData) {

        String describe() {
            String summary = !isBlank(title) ? title : message;
            String details = errorData != null ? errorData.details() : null;
            if (isBlank(details) || details.equals(summary)) {
                return summary;
            }
            return isBlank(summary) ? details : summary + ": " + details;
        }
    }

    record ErrorData(String details) {}
}
