package io.touchpoint.channel.persistence.webchat;

import io.touchpoint.channel.application.webchat.ChatConversationStore;
import io.touchpoint.channel.domain.webchat.ChatAttachment;
import io.touchpoint.channel.domain.webchat.ChatConversation;
import java.net.URI;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** Conversations and attachment metadata in MongoDB, read by {@code _id} alone. */
@Repository
class MongoChatConversationStore implements ChatConversationStore {

    private final MongoTemplate mongo;

    MongoChatConversationStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void insert(ChatConversation conversation) {
        mongo.insert(new ChatConversationDocument(
                conversation.id(),
                conversation.tenantId(),
                conversation.connectionId(),
                conversation.visitor(),
                conversation.identified(),
                conversation.createdAt(),
                0));
    }

    @Override
    public Optional<ChatConversation> find(String conversationId) {
        return Optional.ofNullable(mongo.findById(conversationId, ChatConversationDocument.class))
                .map(document -> new ChatConversation(
                        document.id(),
                        document.tenantId(),
                        document.connectionId(),
                        document.visitor(),
                        document.identified(),
                        document.createdAt()));
    }

    @Override
    public void insertAttachment(ChatAttachment attachment) {
        mongo.insert(new ChatAttachmentDocument(
                attachment.id(),
                attachment.tenantId(),
                attachment.conversationId(),
                attachment.name(),
                attachment.contentType(),
                attachment.size(),
                attachment.url().toString(),
                attachment.createdAt()));
    }

    @Override
    public Optional<ChatAttachment> findAttachment(String attachmentId) {
        return Optional.ofNullable(mongo.findById(attachmentId, ChatAttachmentDocument.class))
                .map(document -> new ChatAttachment(
                        document.id(),
                        document.tenantId(),
                        document.conversationId(),
                        document.name(),
                        document.contentType(),
                        document.size(),
                        URI.create(document.url()),
                        document.createdAt()));
    }
}
