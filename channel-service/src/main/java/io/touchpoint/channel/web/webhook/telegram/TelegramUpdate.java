package io.touchpoint.channel.web.webhook.telegram;

import io.touchpoint.channel.application.inbound.MalformedPayloadException;
import io.touchpoint.channel.domain.inbound.InboundMessage;
import io.touchpoint.channel.web.webhook.WebhookPayloads;
import io.touchpoint.events.Channel;
import io.touchpoint.events.Handle;
import io.touchpoint.events.MessageContent;
import io.touchpoint.events.interaction.InteractionReceived.ThreadHints;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Telegram Bot API {@code Update} as a webhook delivers it. Only {@code message} updates are customers' messages;
 * edits, channel posts, callback queries and membership changes are left out.
 *
 * <p>A Telegram {@code message_id} is unique only within its chat, so the provider message id is
 * {@code <chat id>:<message id>}, and so is the {@code inReplyTo} of a reply.
 */
record TelegramUpdate(Long updateId, Message message) {

    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");

    static TelegramUpdate parse(byte[] body) {
        TelegramUpdate update =
                WebhookPayloads.read(WebhookPayloads.SNAKE_CASE, body, TelegramUpdate.class, "a Telegram update");
        if (update.updateId() == null) {
            throw new MalformedPayloadException("update_id is missing.");
        }
        return update;
    }

    /** The customer's message, if this update is one Touchpoint takes. */
    Optional<InboundMessage> toInbound(Instant receivedAt) {
        if (message == null) {
            return Optional.empty();
        }
        if (message.messageId() == null
                || message.chat() == null
                || message.chat().id() == null) {
            throw new MalformedPayloadException("message needs a message_id and a chat.id.");
        }
        String media = message.mediaKind();
        String text = message.text() != null ? message.text() : message.caption();
        if (text == null && media == null) {
            return Optional.empty(); // a service message: someone joined, a title changed, a message was pinned
        }
        String chatId = message.chat().id().toString();
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("updateId", updateId.toString());
        if (message.chat().type() != null) {
            metadata.put("chatType", message.chat().type());
        }
        if (message.date() != null) {
            metadata.put("sentAt", Instant.ofEpochSecond(message.date()).toString());
        }
        if (media != null) {
            // The file is fetched through the bot's token (getFile), which never leaves the connection's secrets.
            metadata.put("media", media);
        }
        String inReplyTo =
                message.replyToMessage() != null && message.replyToMessage().messageId() != null
                        ? chatId + ":" + message.replyToMessage().messageId()
                        : null;
        User from = message.from();
        String language = from != null
                        && from.languageCode() != null
                        && LANGUAGE.matcher(from.languageCode()).matches()
                ? from.languageCode()
                : null;
        return Optional.of(new InboundMessage(
                Channel.TELEGRAM,
                chatId + ":" + message.messageId(),
                new Handle(Handle.Kind.TELEGRAM, chatId, displayName(message.chat(), from)),
                new ThreadHints(null, null, inReplyTo, null),
                MessageContent.text(text != null ? text : ""),
                language,
                metadata,
                receivedAt));
    }

    private static String displayName(Chat chat, User from) {
        String name = Stream.of(chat.firstName(), chat.lastName())
                .filter(part -> part != null && !part.isBlank())
                .collect(Collectors.joining(" "));
        if (name.isEmpty() && from != null) {
            name = Stream.of(from.firstName(), from.lastName())
                    .filter(part -> part != null && !part.isBlank())
                    .collect(Collectors.joining(" "));
        }
        if (name.isEmpty()) {
            name = chat.username() != null ? chat.username() : chat.title() != null ? chat.title() : "";
        }
        return name.isBlank() ? null : name;
    }

    record Message(
            Long messageId,
            User from,
            Chat chat,
            Long date,
            String text,
            String caption,
            ReplyTo replyToMessage,
            List<Object> photo,
            Object document,
            Object audio,
            Object voice,
            Object video,
            Object videoNote,
            Object sticker,
            Object animation) {

        /** What kind of file the message carries, if any. */
        String mediaKind() {
            if (photo != null && !photo.isEmpty()) {
                return "photo";
            }
            Map<String, Object> kinds = new LinkedHashMap<>();
            kinds.put("animation", animation);
            kinds.put("document", document);
            kinds.put("audio", audio);
            kinds.put("voice", voice);
            kinds.put("video", video);
            kinds.put("video_note", videoNote);
            kinds.put("sticker", sticker);
            return kinds.entrySet().stream()
                    .filter(kind -> kind.getValue() != null)
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElse(null);
        }
    }

    record ReplyTo(Long messageId) {}

    record Chat(Long id, String type, String title, String username, String firstName, String lastName) {}

    record User(Long id, Boolean isBot, String firstName, String lastName, String username, String languageCode) {}
}
