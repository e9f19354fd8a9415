package io.touchpoint.channel.application.webchat;

import io.touchpoint.channel.domain.webchat.ChatAttachment;
import io.touchpoint.channel.domain.webchat.ChatConversation;
import java.util.Optional;

/**
 * Where web chat conversations and the attachment metadata recorded in them are kept. Lookups are by id alone, whatever
 * the tenant, so that they stay single-key reads; callers check the tenant.
 */
public interface ChatConversationStore {

    void insert(ChatConversation conversation);

    Optional<ChatConversation> find(String conversationId);

    void insertAttachment(ChatAttachment attachment);

    Optional<ChatAttachment> findAttachment(String attachmentId);
}
