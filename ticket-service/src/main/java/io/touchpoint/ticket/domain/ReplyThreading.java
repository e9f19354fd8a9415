package io.touchpoint.ticket.domain;

import io.touchpoint.events.Channel;
import io.touchpoint.events.interaction.InteractionReceived;
import java.util.ArrayList;
import java.util.List;

/**
 * What a reply needs so that the customer's mail client or messenger shows it in the same thread: the id of the
 * customer message it answers and, for email, the {@code References} chain.
 */
public record ReplyThreading(String inReplyTo, List<String> references) {

    /** Mail clients and servers cope with long chains; a few dozen ids keep the thread together. */
    static final int MAX_REFERENCES = 30;

    public static final ReplyThreading NONE = new ReplyThreading(null, List.of());

    public ReplyThreading {
        references = references != null ? List.copyOf(references) : List.of();
    }

    /** The threading of a reply to {@code message}. */
    public static ReplyThreading answering(InteractionReceived message) {
        if (message.channel() != Channel.EMAIL) {
            return new ReplyThreading(message.providerMessageId(), List.of());
        }
        String messageId = message.thread().emailMessageId() != null
                ? message.thread().emailMessageId()
                : message.providerMessageId();
        List<String> references = new ArrayList<>(message.thread().references());
        references.remove(messageId);
        references.add(messageId);
        if (references.size() > MAX_REFERENCES) {
            // RFC 5322 suggests keeping the first one (the thread's root) when shortening.
            List<String> shortened = new ArrayList<>();
            shortened.add(references.get(0));
            shortened.addAll(references.subList(references.size() - MAX_REFERENCES + 1, references.size()));
            references = shortened;
        }
        return new ReplyThreading(messageId, references);
    }
}
