package io.touchpoint.channel.application.email;

import io.touchpoint.channel.application.outbound.OutboundMessageStore;
import io.touchpoint.channel.domain.Ids;
import io.touchpoint.channel.domain.connection.ChannelConnection;
import io.touchpoint.channel.domain.inbound.InboundMessage;
import io.touchpoint.channel.domain.outbound.OutboundMessage;
import io.touchpoint.events.interaction.InteractionReceived.ThreadHints;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Puts a customer's mail into the conversation of the mail of ours it answers. Our mails carry
 * {@code <msg_…@domain>} as their {@code Message-ID}, which is also their provider message id; the customer's mail
 * program names it in {@code In-Reply-To} and {@code References}, and the outbound message knows its conversation.
 */
@Service
public class EmailThreading {

    /** In-Reply-To and the latest References are enough: a reply names what it answers last. */
    private static final int MAX_LOOKUPS = 5;

    private final OutboundMessageStore outbound;

    public EmailThreading(OutboundMessageStore outbound) {
        this.outbound = outbound;
    }

    /** {@code message} with the conversation of the outbound mail it answers on {@code connection}, if there is one. */
    public InboundMessage threaded(ChannelConnection connection, InboundMessage message) {
        ThreadHints thread = message.thread();
        if (thread.conversationId() != null) {
            return message;
        }
        List<String> answered = new ArrayList<>();
        if (thread.inReplyTo() != null) {
            answered.add(thread.inReplyTo());
        }
        List<String> references = thread.references();
        for (int i = references.size() - 1; i >= 0; i--) {
            answered.add(references.get(i));
        }
        return answered.stream()
                .distinct()
                .filter(EmailThreading::isOurs)
                .limit(MAX_LOOKUPS)
                .map(messageId -> outbound.findByProviderMessageId(connection.id(), messageId))
                .flatMap(Optional::stream)
                .map(delivery -> delivery.message().conversationId())
                .filter(Objects::nonNull)
                .findFirst()
                .map(conversationId -> new InboundMessage(
                        message.channel(),
                        message.providerMessageId(),
                        message.customer(),
                        new ThreadHints(
                                conversationId, thread.emailMessageId(), thread.inReplyTo(), thread.references()),
                        message.content(),
                        message.language(),
                        message.metadata(),
                        message.receivedAt()))
                .orElse(message);
    }

    /** Whether {@code messageId} is one we make, {@code <msg_…@domain>}: only those are worth a lookup. */
    private static boolean isOurs(String messageId) {
        int at = messageId.indexOf('@');
        return messageId.startsWith("<")
                && at > 1
                && Ids.hasPrefix(messageId.substring(1, at), OutboundMessage.ID_PREFIX);
    }
}
