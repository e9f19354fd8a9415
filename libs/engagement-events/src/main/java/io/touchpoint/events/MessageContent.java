package io.touchpoint.events;

import java.util.List;

/**
 * What a message says, on any channel.
 *
 * @param subjectLine the email subject; absent on chat-like channels
 * @param text the plain-text body, always present (derived from the HTML for HTML-only email)
 * @param html the HTML body, for email only
 * @param attachments files sent with the message, possibly none
 */
public record MessageContent(String subjectLine, String text, String html, List<Attachment> attachments) {

    public MessageContent {
        attachments = (attachments != null) ? List.copyOf(attachments) : List.of();
    }

    public static MessageContent text(String text) {
        return new MessageContent(null, text, null, List.of());
    }
}
