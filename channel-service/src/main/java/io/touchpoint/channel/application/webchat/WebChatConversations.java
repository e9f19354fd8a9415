package io.touchpoint.channel.application.webchat;

import io.micrometer.core.instrument.MeterRegistry;
import io.touchpoint.channel.application.inbound.InboundIngestion;
import io.touchpoint.channel.application.inbound.InboundIngestion.Ingested;
import io.touchpoint.channel.application.inbound.MalformedPayloadException;
import io.touchpoint.channel.application.inbound.Signatures;
import io.touchpoint.channel.application.outbound.DeliveryReceipt;
import io.touchpoint.channel.application.outbound.DeliveryReceipts;
import io.touchpoint.channel.domain.Ids;
import io.touchpoint.channel.domain.connection.ChannelConnection;
import io.touchpoint.channel.domain.inbound.InboundMessage;
import io.touchpoint.channel.domain.outbound.DeliveryStatus;
import io.touchpoint.channel.domain.webchat.ChatAttachment;
import io.touchpoint.channel.domain.webchat.ChatAuthor;
import io.touchpoint.channel.domain.webchat.ChatConversation;
import io.touchpoint.channel.domain.webchat.ChatEvent;
import io.touchpoint.events.Attachment;
import io.touchpoint.events.Channel;
import io.touchpoint.events.Handle;
import io.touchpoint.events.MessageContent;
import io.touchpoint.events.interaction.InteractionReceived.ThreadHints;
import io.touchpoint.starter.problem.NotFoundException;
import io.touchpoint.starter.problem.ProblemException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * What a chat widget does on behalf of a visitor: start a conversation, write in it, attach files, say it is typing or
 * has read a reply. The widget is a public client: a connection id (its widget key) starts a conversation, and the
 * visitor token issued then is what every later call shows.
 */
@Service
public class WebChatConversations {

    /** The connection secret that signs identified visitors' user ids. */
    public static final String IDENTITY_SECRET = "identitySecret";

    private static final Logger log = LoggerFactory.getLogger(WebChatConversations.class);

    private final WebChatWidgets widgets;

    private final ChatConversationStore conversations;

    private final WebChatStream stream;

    private final InboundIngestion ingestion;

    private final VisitorTokens tokens;

    private final DeliveryReceipts deliveryReceipts;

    private final MeterRegistry meters;

    private final Clock clock;

    public WebChatConversations(
            WebChatWidgets widgets,
            ChatConversationStore conversations,
            WebChatStream stream,
            InboundIngestion ingestion,
            VisitorTokens tokens,
            DeliveryReceipts deliveryReceipts,
            MeterRegistry meters,
            Clock clock) {
        this.widgets = widgets;
        this.conversations = conversations;
        this.stream = stream;
        this.ingestion = ingestion;
        this.tokens = tokens;
        this.deliveryReceipts = deliveryReceipts;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Starts a conversation on the widget {@code connectionId} for an anonymous visitor, or for the company's user
     * {@code userId} when {@code userHash} proves the company's backend vouched for it.
     */
    public StartedConversation start(String connectionId, StartConversation command) {
        ChannelConnection connection = widgets.find(connectionId)
                .orElseThrow(() ->
                        new NotFoundException("connection_not_found", "No web chat widget " + connectionId + "."));
        boolean identified = command.userId() != null;
        if (identified) {
            verifyIdentity(connection, command.userId(), command.userHash());
        } else if (command.userHash() != null) {
            throw new MalformedPayloadException("userHash is only sent with userId.");
        }
        String visitorId = identified ? command.userId() : Ids.next(ChatConversation.VISITOR_ID_PREFIX);
        var conversation = new ChatConversation(
                Ids.next(ChatConversation.ID_PREFIX),
                connection.tenantId(),
                connection.id(),
                new Handle(Handle.Kind.WEB_VISITOR, visitorId, command.name()),
                identified,
                clock.instant());
        conversations.insert(conversation);
        meters.counter("touchpoint.channel.webchat.conversations", "visitor", identified ? "identified" : "anonymous")
                .increment();
        log.info(
                "web chat conversation {} started on {} ({} visitor)",
                conversation.id(),
                connection.id(),
                identified ? "identified" : "anonymous");
        return new StartedConversation(conversation, tokens.issue(conversation), tokens.expiresAt());
    }

    /**
     * What the bearer of {@code token} may do in {@code conversationId}: 401 for a token that does not verify, 404
     * when it is another conversation's token, or the conversation or its widget is gone or disabled.
     */
    public VisitorAccess access(String token, String conversationId) {
        VisitorToken verified = tokens.verify(token);
        if (!verified.conversationId().equals(conversationId)) {
            throw WebChatStream.notFound(conversationId);
        }
        ChatConversation conversation = conversations
                .find(conversationId)
                .filter(found -> found.belongsTo(verified.tenantId(), verified.connectionId()))
                .orElseThrow(() -> WebChatStream.notFound(conversationId));
        ChannelConnection connection = widgets.find(conversation.connectionId())
                .filter(found -> found.tenantId().equals(conversation.tenantId()))
                .orElseThrow(() -> WebChatStream.notFound(conversationId));
        return new VisitorAccess(conversation, connection);
    }

    /**
     * Stores the visitor's message through {@link InboundIngestion} (one stored message and one
     * {@code interaction.received} per client message id) and echoes it on the conversation's stream.
     */
    public PostedMessage postMessage(VisitorAccess access, PostVisitorMessage command) {
        ChatConversation conversation = access.conversation();
        List<Attachment> attachments = resolve(conversation, command.attachments());
        String text = command.text() != null ? command.text() : "";
        if (text.isBlank() && attachments.isEmpty()) {
            throw new MalformedPayloadException("A message needs text or attachments.");
        }
        var content = new MessageContent(null, text, null, attachments);
        var message = new InboundMessage(
                Channel.WEB_CHAT,
                // Scoped to the conversation: client ids are only unique within one widget session.
                conversation.id() + ":" + command.clientMessageId(),
                conversation.visitor(),
                new ThreadHints(conversation.id(), null, null, null),
                content,
                command.language(),
                Map.of(
                        "clientMessageId",
                        command.clientMessageId(),
                        "visitor",
                        conversation.identified() ? "identified" : "anonymous"),
                clock.instant());
        Ingested ingested = ingestion.ingest(access.connection(), message);
        ChatEvent echo =
                stream.appendVisitorMessage(conversation, ingested.messageId(), command.clientMessageId(), content);
        return new PostedMessage(ingested.messageId(), ingested.duplicate(), echo);
    }

    /** Records the metadata of a file the widget uploaded, so that a message can refer to it by id. */
    public ChatAttachment recordAttachment(VisitorAccess access, RecordAttachment command) {
        var attachment = new ChatAttachment(
                Ids.next(ChatAttachment.ID_PREFIX),
                access.conversation().tenantId(),
                access.conversation().id(),
                command.name(),
                command.contentType(),
                command.size(),
                command.url(),
                clock.instant());
        conversations.insertAttachment(attachment);
        return attachment;
    }

    /** An attachment recorded in the conversation; 404 for any other. */
    public ChatAttachment attachment(VisitorAccess access, String attachmentId) {
        return conversations
                .findAttachment(attachmentId)
                .filter(found ->
                        found.conversationId().equals(access.conversation().id()))
                .orElseThrow(
                        () -> new NotFoundException("attachment_not_found", "No attachment " + attachmentId + "."));
    }

    public ChatEvent typing(VisitorAccess access, boolean active) {
        return stream.appendVisitorTyping(access.conversation(), active);
    }

    /**
     * The visitor's widget received ({@link DeliveryStatus#DELIVERED}) or showed ({@link DeliveryStatus#READ}) the
     * agent's message {@code messageSequence}: a {@code delivery} event on the stream, and a receipt for delivery
     * tracking.
     */
    public ChatEvent receipt(VisitorAccess access, long messageSequence, DeliveryStatus status) {
        if (status != DeliveryStatus.DELIVERED && status != DeliveryStatus.READ) {
            throw new MalformedPayloadException("status must be one of delivered, read.");
        }
        ChatConversation conversation = access.conversation();
        ChatEvent message = stream.find(conversation.id(), messageSequence)
                .filter(event -> event.body() instanceof ChatEvent.Message agentMessage
                        && agentMessage.author() == ChatAuthor.AGENT)
                .orElseThrow(() -> new NotFoundException(
                        "message_not_found", "No agent message " + messageSequence + " in " + conversation.id() + "."));
        ChatEvent delivery = stream.appendDelivery(conversation, ChatAuthor.VISITOR, messageSequence, status);
        deliveryReceipts.record(
                access.connection(), new DeliveryReceipt(message.key(), status, null, null, delivery.at()));
        return delivery;
    }

    private void verifyIdentity(ChannelConnection connection, String userId, String userHash) {
        String secret = connection
                .secret(IDENTITY_SECRET)
                .orElseThrow(() -> identityRejected(
                        connection,
                        "not_configured",
                        "This widget does not verify user identities; leave out userId."));
        if (userHash == null
                || !Signatures.matches(
                        Signatures.hmacSha256Hex(secret, userId.getBytes(StandardCharsets.UTF_8)),
                        userHash.toLowerCase(Locale.ROOT))) {
            throw identityRejected(connection, "invalid", "userHash does not verify userId.");
        }
    }

    private ProblemException identityRejected(ChannelConnection connection, String reason, String detail) {
        meters.counter("touchpoint.channel.webchat.identity.rejected", "reason", reason)
                .increment();
        log.warn("web chat identity refused on {}: {}", connection.id(), reason);
        return new ProblemException(HttpStatus.UNAUTHORIZED, "invalid_user_hash", detail);
    }

    private List<Attachment> resolve(ChatConversation conversation, List<AttachmentInput> inputs) {
        List<Attachment> attachments = new ArrayList<>();
        for (AttachmentInput input : inputs != null ? inputs : List.<AttachmentInput>of()) {
            if (input.attachmentId() != null) {
                attachments.add(conversations
                        .findAttachment(input.attachmentId())
                        .filter(found -> found.conversationId().equals(conversation.id()))
                        .orElseThrow(() -> new MalformedPayloadException(
                                "attachment " + input.attachmentId() + " was not recorded in this conversation."))
                        .toAttachment());
            } else {
                attachments.add(input.metadata());
            }
        }
        return attachments;
    }

    /**
     * A visitor starting a conversation.
     *
     * @param userId the company's id of a signed-in user, or null for an anonymous visitor
     * @param userHash hex HMAC-SHA256 of {@code userId} with the connection's {@value #IDENTITY_SECRET}, computed by the
     *     company's backend
     * @param name the name to show for the visitor, if any
     */
    public record StartConversation(String userId, String userHash, String name) {}

    /** A started conversation and the visitor token for it. */
    public record StartedConversation(ChatConversation conversation, String token, Instant tokenExpiresAt) {}

    /** A visitor's verified access to their conversation on an active widget. */
    public record VisitorAccess(ChatConversation conversation, ChannelConnection connection) {}

    /**
     * A visitor's message.
     *
     * @param clientMessageId the widget's id of the message: posting it again stores nothing new
     */
    public record PostVisitorMessage(
            String clientMessageId, String text, List<AttachmentInput> attachments, String language) {}

    /** An attachment of a message: a recorded one by id, or its metadata inline. */
    public record AttachmentInput(String attachmentId, Attachment metadata) {}

    /** The metadata of a file the widget uploaded. */
    public record RecordAttachment(String name, String contentType, long size, URI url) {}

    /**
     * The outcome of {@link #postMessage}.
     *
     * @param messageId the stored message, {@code msg_…}
     * @param duplicate whether the client message id had been posted before
     * @param echo the message's event on the conversation stream
     */
    public record PostedMessage(String messageId, boolean duplicate, ChatEvent echo) {}
}
