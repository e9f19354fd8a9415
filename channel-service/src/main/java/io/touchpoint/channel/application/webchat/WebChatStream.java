package io.touchpoint.channel.application.webchat;

import io.touchpoint.channel.domain.outbound.DeliveryStatus;
import io.touchpoint.channel.domain.webchat.ChatAuthor;
import io.touchpoint.channel.domain.webchat.ChatConversation;
import io.touchpoint.channel.domain.webchat.ChatEvent;
import io.touchpoint.events.MessageContent;
import io.touchpoint.starter.problem.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Appending to the event streams of web chat conversations. An append is stored first, in MongoDB where every replica
 * reads it, and then rung to this replica's open streams; what reaches a widget is always what is stored.
 */
@Service
public class WebChatStream {

    private static final Logger log = LoggerFactory.getLogger(WebChatStream.class);

    private final ChatConversationStore conversations;

    private final ChatEventStore events;

    private final WebChatSubscriptions subscriptions;

    private final Clock clock;

    public WebChatStream(
            ChatConversationStore conversations,
            ChatEventStore events,
            WebChatSubscriptions subscriptions,
            Clock clock) {
        this.conversations = conversations;
        this.events = events;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    /**
     * Delivers an agent's message to the visitor: appends it as a {@code message} event. A message appended before
     * (the same {@link AgentMessage#messageId()}, else the same {@link AgentMessage#replyId()}) is not appended again;
     * its first event is returned.
     *
     * @return the event, whose {@link ChatEvent#key()} is the provider message id of the delivery
     */
    public ChatEvent appendAgentMessage(String tenantId, String conversationId, AgentMessage message) {
        ChatConversation conversation = conversation(tenantId, conversationId);
        String dedupeId = message.messageId() != null ? message.messageId() : message.replyId();
        ChatEvent event = append(
                conversation,
                new ChatEvent.Message(
                        ChatAuthor.AGENT,
                        message.authorName(),
                        message.messageId(),
                        null,
                        message.replyId(),
                        message.content()),
                dedupeId != null ? "agent:" + dedupeId : null);
        log.info(
                "web chat message {} (reply {}) is event {} of {}",
                message.messageId(),
                message.replyId(),
                event.sequence(),
                conversationId);
        return event;
    }

    /** An agent started or stopped typing in the conversation. */
    public ChatEvent agentTyping(String tenantId, String conversationId, String agentName, boolean active) {
        return append(
                conversation(tenantId, conversationId),
                new ChatEvent.Typing(ChatAuthor.AGENT, agentName, active),
                null);
    }

    /** The conversation {@code conversationId} of {@code tenantId}; 404 when it does not exist or is another's. */
    public ChatConversation conversation(String tenantId, String conversationId) {
        return conversations
                .find(conversationId)
                .filter(conversation -> conversation.tenantId().equals(tenantId))
                .orElseThrow(() -> notFound(conversationId));
    }

    /** The echo of a visitor's stored message, appended once per stored message. */
    ChatEvent appendVisitorMessage(
            ChatConversation conversation, String messageId, String clientMessageId, MessageContent content) {
        return append(
                conversation,
                new ChatEvent.Message(ChatAuthor.VISITOR, null, messageId, clientMessageId, null, content),
                "message:" + messageId);
    }

    ChatEvent appendVisitorTyping(ChatConversation conversation, boolean active) {
        return append(conversation, new ChatEvent.Typing(ChatAuthor.VISITOR, null, active), null);
    }

    ChatEvent appendDelivery(
            ChatConversation conversation, ChatAuthor by, long messageSequence, DeliveryStatus status) {
        return append(
                conversation,
                new ChatEvent.Delivery(by, messageSequence, status),
                "delivery:" + by.name() + ":" + messageSequence + ":" + status.name());
    }

    /** The stored event {@code sequence} of the conversation. */
    Optional<ChatEvent> find(String conversationId, long sequence) {
        List<ChatEvent> found = events.after(conversationId, sequence - 1, 1);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * Streams the conversation's events after {@code after} to {@code sink}; the caller has checked that its client
     * may read the conversation.
     */
    public ChatSubscription subscribe(ChatConversation conversation, long after, ChatSink sink) {
        return subscriptions.subscribe(conversation.id(), after, sink);
    }

    private ChatEvent append(ChatConversation conversation, ChatEvent.Body body, String dedupeKey) {
        ChatEventStore.Appended appended =
                events.append(conversation.tenantId(), conversation.id(), body, dedupeKey, clock.instant());
        if (appended.created()) {
            subscriptions.appended(appended.event());
        }
        return appended.event();
    }

    static NotFoundException notFound(String conversationId) {
        return new NotFoundException("conversation_not_found", "No conversation " + conversationId + ".");
    }

    /**
     * An agent's (or an automation's) message to a visitor.
     *
     * @param messageId the outbound message ({@code msg_…}) it delivers, if any; with {@code replyId}, the dedupe key
     * @param replyId the reply ({@code rpl_…}) it carries, if any
     * @param authorName the name to show, if known
     */
    public record AgentMessage(String messageId, String replyId, String authorName, MessageContent content) {}
}
