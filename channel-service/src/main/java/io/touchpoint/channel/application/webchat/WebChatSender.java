package io.touchpoint.channel.application.webchat;

import io.touchpoint.channel.application.outbound.ChannelSender;
import io.touchpoint.channel.application.webchat.WebChatStream.AgentMessage;
import io.touchpoint.channel.domain.connection.ChannelConnection;
import io.touchpoint.channel.domain.outbound.OutboundMessage;
import io.touchpoint.channel.domain.outbound.SendOutcome;
import io.touchpoint.channel.domain.webchat.ChatConversation;
import io.touchpoint.channel.domain.webchat.ChatEvent;
import io.touchpoint.events.Channel;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Sends agents' replies on web chat: appending the message to the conversation's event stream is the delivery, and
 * the event's key is the provider message id. The message is {@link SendOutcome.Accepted accepted}, not yet
 * delivered: the widget reports {@code delivered} and {@code read} when it shows it (see
 * {@link WebChatConversations#receipt}), and a visitor who never comes back never got it.
 */
@Component
public class WebChatSender implements ChannelSender {

    private static final Logger log = LoggerFactory.getLogger(WebChatSender.class);

    private final ChatConversationStore conversations;

    private final WebChatStream stream;

    public WebChatSender(ChatConversationStore conversations, WebChatStream stream) {
        this.conversations = conversations;
        this.stream = stream;
    }

    @Override
    public Channel channel() {
        return Channel.WEB_CHAT;
    }

    @Override
    public SendOutcome send(ChannelConnection connection, OutboundMessage message) {
        if (message.conversationId() == null) {
            return new SendOutcome.PermanentFailure(
                    "invalid_recipient", null, "A web chat message needs the conversation it answers.");
        }
        try {
            Optional<ChatConversation> conversation = conversations
                    .find(message.conversationId())
                    .filter(found -> found.belongsTo(connection.tenantId(), connection.id()));
            if (conversation.isEmpty()) {
                return new SendOutcome.PermanentFailure(
                        "invalid_recipient",
                        null,
                        "Conversation " + message.conversationId() + " was not started on " + connection.id() + ".");
            }
            ChatEvent event = stream.appendAgentMessage(
                    connection.tenantId(),
                    message.conversationId(),
                    new AgentMessage(message.id(), message.replyId(), null, message.content()));
            return new SendOutcome.Accepted(event.key());
        } catch (DataAccessException e) {
            log.warn("web chat message {} not appended: {}", message.id(), e.toString());
            return new SendOutcome.TransientFailure(
                    "provider_unavailable", null, "The conversation stream could not be written.");
        }
    }
}
