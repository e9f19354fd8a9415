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
import java.net.URISyntaxException;
import java.net.URLConnection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Messenger Platform webhook, as Facebook Pages ({@code object: page}) and Instagram professional accounts
 * ({@code object: instagram}) send it: {@code entry[].messaging[]} events, each a customer's {@code message}, a
 * {@code delivery} or a {@code read} of messages sent to them, or something Touchpoint does not act on (postbacks,
 * reactions, referrals, echoes of the page's own messages).
 */
record MessengerNotification(String object, List<Entry> entry) {

    /**
     * The messages and receipts of {@code body}.
     *
     * @param channel {@link Channel#MESSENGER} or {@link Channel#INSTAGRAM}
     * @param accountId the connection's page id (Messenger) or Instagram account id, if set: entries of other
     *     accounts of the same app are skipped, since Meta sends them all to the app's one callback URL
     */
    static MetaEvents parse(byte[] body, Channel channel, String accountId, Instant receivedAt) {
        String expected = channel == Channel.INSTAGRAM ? "instagram" : "page";
        MessengerNotification notification =
                MetaJson.read(body, MessengerNotification.class, "a Messenger Platform webhook");
        if (!expected.equals(notification.object())) {
            throw new MalformedPayloadException("object must be " + expected + ", not " + notification.object() + ".");
        }
        Handle.Kind kind = channel == Channel.INSTAGRAM ? Handle.Kind.INSTAGRAM : Handle.Kind.MESSENGER;
        List<InboundMessage> messages = new ArrayList<>();
        List<DeliveryReceipt> receipts = new ArrayList<>();
        for (Entry entry : orEmpty(notification.entry())) {
            if (accountId != null && entry.id() != null && !accountId.equals(entry.id())) {
                continue;
            }
            for (Messaging event : orEmpty(entry.messaging())) {
                Instant at = event.timestamp() != null ? Instant.ofEpochMilli(event.timestamp()) : receivedAt;
                if (event.message() != null) {
                    event.toInbound(channel, kind, receivedAt).ifPresent(messages::add);
                }
                if (event.delivery() != null) {
                    for (String mid : orEmpty(event.delivery().mids())) {
                        receipts.add(new DeliveryReceipt(mid, DeliveryStatus.DELIVERED, null, null, at));
                    }
                }
                // Messenger's read event names only a watermark (everything sent before it was read), no message:
                // there is nothing to record it against. Instagram's names the message.
                if (event.read() != null && !isBlank(event.read().mid())) {
                    receipts.add(new DeliveryReceipt(event.read().mid(), DeliveryStatus.READ, null, null, at));
                }
            }
        }
        return new MetaEvents(messages, receipts);
    }

    record Entry(String id, Long time, List<Messaging> messaging) {}

    record Messaging(Party sender, Party recipient, Long timestamp, Message message, Delivery delivery, Read read) {

        Optional<InboundMessage> toInbound(Channel channel, Handle.Kind kind, Instant receivedAt) {
            if (Boolean.TRUE.equals(message.isEcho())
                    || Boolean.TRUE.equals(message.isDeleted())
                    || Boolean.TRUE.equals(message.isUnsupported())) {
                return Optional.empty();
            }
            String mid = require(message.mid(), "messaging[].message.mid");
            String senderId = require(sender != null ? sender.id() : null, "messaging[].sender.id");
            List<Attachment> attachments = new ArrayList<>();
            List<MessengerAttachment> sent = orEmpty(message.attachments());
            for (int i = 0; i < sent.size(); i++) {
                sent.get(i).toAttachment(i).ifPresent(attachments::add);
            }
            if (isBlank(message.text()) && attachments.isEmpty()) {
                return Optional.empty();
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            if (recipient != null && !isBlank(recipient.id())) {
                metadata.put(channel == Channel.INSTAGRAM ? "instagramAccountId" : "pageId", recipient.id());
            }
            if (timestamp != null) {
                metadata.put("sentAt", Instant.ofEpochMilli(timestamp).toString());
            }
            if (message.quickReply() != null && !isBlank(message.quickReply().payload())) {
                metadata.put("quickReplyPayload", message.quickReply().payload());
            }
            String replyTo =
                    message.replyTo() != null && !isBlank(message.replyTo().mid())
                            ? message.replyTo().mid()
                            : null;
            return Optional.of(new InboundMessage(
                    channel,
                    mid,
                    Handle.of(kind, senderId),
                    new ThreadHints(null, null, replyTo, null),
                    new MessageContent(null, message.text() != null ? message.text() : "", null, attachments),
                    null,
                    metadata,
                    receivedAt));
        }
    }

    record Party(String id) {}

    record Message(
            String mid,
            String text,
            Boolean isEcho,
            Boolean isDeleted,
            Boolean isUnsupported,
            List<MessengerAttachment> attachments,
            ReplyTo replyTo,
            QuickReply quickReply) {}

    record MessengerAttachment(String type, Payload payload) {

        /** The file, if it has a URL (stickers, images, audio, video, files do; templates and locations do not). */
        Optional<Attachment> toAttachment(int index) {
            if (payload == null || isBlank(payload.url())) {
                return Optional.empty();
            }
            URI url;
            try {
                url = new URI(payload.url());
            } catch (URISyntaxException e) {
                throw new MalformedPayloadException("attachments[" + index + "].payload.url is not a URL.");
            }
            if (!url.isAbsolute() || url.getPath() == null) {
                throw new MalformedPayloadException("attachments[" + index + "].payload.url is not a URL.");
            }
            String path = url.getPath();
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (name.isEmpty()) {
                name = (type != null ? type : "attachment") + "-" + index;
            }
            // Messenger gives a type (image, video, audio, file) but no media type: guess it from the file name.
            String contentType = URLConnection.guessContentTypeFromName(name);
            if (contentType == null
                    || !WebhookPayloads.MEDIA_TYPE.matcher(contentType).matches()) {
                contentType = "application/octet-stream";
            }
            // The file stays on Meta's CDN; the webhook has no size.
            return Optional.of(new Attachment(name, contentType, 0, url));
        }
    }

    record Payload(String url, String title) {}

    record ReplyTo(String mid) {}

    record QuickReply(String payload) {}

    record Delivery(List<String> mids, Long watermark) {}

    record Read(Long watermark, String mid) {}
}
