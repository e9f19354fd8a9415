package io.touchpoint.channel.web.chat;

import io.touchpoint.channel.application.inbound.MalformedPayloadException;
import io.touchpoint.channel.application.webchat.WebChatConversations;
import io.touchpoint.channel.application.webchat.WebChatConversations.AttachmentInput;
import io.touchpoint.channel.application.webchat.WebChatConversations.PostVisitorMessage;
import io.touchpoint.channel.application.webchat.WebChatConversations.PostedMessage;
import io.touchpoint.channel.application.webchat.WebChatConversations.RecordAttachment;
import io.touchpoint.channel.application.webchat.WebChatConversations.StartConversation;
import io.touchpoint.channel.application.webchat.WebChatConversations.StartedConversation;
import io.touchpoint.channel.application.webchat.WebChatConversations.VisitorAccess;
import io.touchpoint.channel.domain.outbound.DeliveryStatus;
import io.touchpoint.channel.domain.webchat.ChatAttachment;
import io.touchpoint.channel.domain.webchat.ChatConversation;
import io.touchpoint.events.Attachment;
import io.touchpoint.events.Handle;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The chat widget's public API, {@code /public/chat/**} here and {@code /v1/public/chat/**} through the gateway. No
 * tenant context: {@code POST /{connectionId}/conversations} takes the widget key (the connection id) and returns a
 * visitor token; every other call shows that token as {@code Authorization: Bearer}.
 */
@RestController
@RequestMapping(WebChatController.BASE_PATH)
class WebChatController {

    static final String BASE_PATH = "/public/chat";

    private static final String CONTROL_FREE = "[^\\p{Cntrl}]+";

    private final WebChatConversations conversations;

    WebChatController(WebChatConversations conversations) {
        this.conversations = conversations;
    }

    @PostMapping("/{connectionId}/conversations")
    ResponseEntity<StartedConversationResponse> start(
            @PathVariable String connectionId, @Valid @RequestBody(required = false) StartConversationRequest request) {
        StartConversationRequest body = request != null ? request : new StartConversationRequest(null, null, null);
        StartedConversation started =
                conversations.start(connectionId, new StartConversation(body.userId(), body.userHash(), body.name()));
        return ResponseEntity.created(
                        URI.create(conversationPath(started.conversation().id())))
                .body(StartedConversationResponse.of(started));
    }

    @GetMapping("/conversations/{conversationId}")
    ConversationResponse get(
            @PathVariable String conversationId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return ConversationResponse.of(access(authorization, conversationId).conversation());
    }

    @PostMapping("/conversations/{conversationId}/messages")
    ResponseEntity<MessageResponse> postMessage(
            @PathVariable String conversationId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @Valid @RequestBody PostMessageRequest request) {
        VisitorAccess access = access(authorization, conversationId);
        List<AttachmentInput> attachments = request.attachments() != null
                ? request.attachments().stream().map(WebChatController::input).toList()
                : List.of();
        PostedMessage posted = conversations.postMessage(
                access,
                new PostVisitorMessage(request.clientMessageId(), request.text(), attachments, request.language()));
        return ResponseEntity.status(posted.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(new MessageResponse(
                        posted.messageId(),
                        conversationId,
                        request.clientMessageId(),
                        posted.echo().sequence(),
                        posted.duplicate()));
    }

    @PostMapping("/conversations/{conversationId}/attachments")
    ResponseEntity<AttachmentResponse> recordAttachment(
            @PathVariable String conversationId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @Valid @RequestBody RecordAttachmentRequest request) {
        VisitorAccess access = access(authorization, conversationId);
        ChatAttachment recorded = conversations.recordAttachment(
                access,
                new RecordAttachment(request.name(), request.contentType(), request.size(), url("url", request.url())));
        return ResponseEntity.created(URI.create(conversationPath(conversationId) + "/attachments/" + recorded.id()))
                .body(AttachmentResponse.of(recorded));
    }

    @GetMapping("/conversations/{conversationId}/attachments/{attachmentId}")
    AttachmentResponse attachment(
            @PathVariable String conversationId,
            @PathVariable String attachmentId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return AttachmentResponse.of(conversations.attachment(access(authorization, conversationId), attachmentId));
    }

    /** The visitor started or stopped typing: a {@code typing} event on the conversation's stream. */
    @PostMapping("/conversations/{conversationId}/typing")
    ResponseEntity<Void> typing(
            @PathVariable String conversationId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @Valid @RequestBody TypingRequest request) {
        conversations.typing(access(authorization, conversationId), request.typing());
        return ResponseEntity.noContent().build();
    }

    /** The widget received or showed an agent's message: a {@code delivery} event, and a delivery receipt. */
    @PostMapping("/conversations/{conversationId}/receipts")
    ResponseEntity<Void> receipt(
            @PathVariable String conversationId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @Valid @RequestBody ReceiptRequest request) {
        conversations.receipt(
                access(authorization, conversationId),
                request.eventId(),
                DeliveryStatus.valueOf(request.status().toUpperCase(Locale.ROOT)));
        return ResponseEntity.noContent().build();
    }

    private VisitorAccess access(String authorization, String conversationId) {
        return conversations.access(VisitorCredentials.token(authorization, null), conversationId);
    }

    static String conversationPath(String conversationId) {
        return BASE_PATH + "/conversations/" + conversationId;
    }

    private static AttachmentInput input(AttachmentRequest request) {
        if (request.id() != null) {
            if (request.name() != null
                    || request.contentType() != null
                    || request.size() != null
                    || request.url() != null) {
                throw new MalformedPayloadException("An attachment is either an id or its metadata, not both.");
            }
            return new AttachmentInput(request.id(), null);
        }
        if (request.name() == null
                || request.contentType() == null
                || request.size() == null
                || request.url() == null) {
            throw new MalformedPayloadException("An attachment needs an id, or name, contentType, size and url.");
        }
        return new AttachmentInput(
                null,
                new Attachment(
                        request.name(), request.contentType(), request.size(), url("attachments.url", request.url())));
    }

    /** An absolute http(s) URL: anything else (javascript:, data:) must never reach an agent's console as a link. */
    private static URI url(String field, String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() != null ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new MalformedPayloadException(field + " must be an absolute http or https URL.");
    }

    /**
     * Starting a conversation; an empty body starts it for an anonymous visitor.
     *
     * @param userId the company's id of a signed-in user
     * @param userHash hex HMAC-SHA256 of {@code userId} with the widget's identity secret, from the company's backend
     * @param name the name to show for the visitor
     */
    record StartConversationRequest(
            @Size(min = 1, max = 200) @Pattern(regexp = CONTROL_FREE) String userId,
            @Size(min = 64, max = 64) @Pattern(regexp = "[0-9a-fA-F]+", message = "must be hex") String userHash,
            @Size(min = 1, max = 200) @Pattern(regexp = CONTROL_FREE) String name) {}

    /**
     * A visitor's message.
     *
     * @param clientMessageId the widget's id of the message; posting the same id again stores nothing new
     * @param text what the visitor wrote; may be empty when there are attachments
     */
    record PostMessageRequest(
            @NotBlank @Size(max = 200) String clientMessageId,
            @Size(max = 10_000) String text,
            @Size(max = 10) List<@NotNull @Valid AttachmentRequest> attachments,
            @Size(max = 35) @Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*", message = "must be a BCP 47 tag")
                    String language) {}

    /** An attachment of a message: {@code id} of one recorded before, or its metadata. */
    record AttachmentRequest(
            @Size(max = 100) String id,
            @Size(min = 1, max = 255) String name,
            @Size(max = 255) @Pattern(regexp = "[\\w.+-]+/[\\w.+-]+", message = "must be a media type")
                    String contentType,
            @PositiveOrZero Long size,
            @Size(max = 2000) String url) {}

    /** The metadata of a file the widget uploaded to the company's storage. */
    record RecordAttachmentRequest(
            @NotBlank @Size(max = 255) String name,
            @NotBlank @Size(max = 255) @Pattern(regexp = "[\\w.+-]+/[\\w.+-]+", message = "must be a media type")
                    String contentType,
            @NotNull @PositiveOrZero Long size,
            @NotBlank @Size(max = 2000) String url) {}

    record TypingRequest(@NotNull Boolean typing) {}

    /**
     * @param eventId the {@code id:} of the agent's message event
     * @param status {@code delivered} or {@code read}
     */
    record ReceiptRequest(
            @NotNull @Positive Long eventId,
            @NotNull @Pattern(regexp = "delivered|read", message = "must be one of delivered, read") String status) {}

    /**
     * A started conversation.
     *
     * @param token the visitor token: {@code Authorization: Bearer} on every later call, {@code ?token=} on the event
     *     stream
     */
    record StartedConversationResponse(
            String id,
            String connectionId,
            Handle visitor,
            boolean identified,
            String token,
            Instant tokenExpiresAt,
            Instant createdAt) {

        static StartedConversationResponse of(StartedConversation started) {
            ChatConversation conversation = started.conversation();
            return new StartedConversationResponse(
                    conversation.id(),
                    conversation.connectionId(),
                    conversation.visitor(),
                    conversation.identified(),
                    started.token(),
                    started.tokenExpiresAt(),
                    conversation.createdAt());
        }
    }

    record ConversationResponse(String id, String connectionId, Handle visitor, boolean identified, Instant createdAt) {

        static ConversationResponse of(ChatConversation conversation) {
            return new ConversationResponse(
                    conversation.id(),
                    conversation.connectionId(),
                    conversation.visitor(),
                    conversation.identified(),
                    conversation.createdAt());
        }
    }

    /**
     * A stored visitor message.
     *
     * @param id the stored message, {@code msg_…}
     * @param eventId the {@code id:} of its echo on the conversation's event stream
     * @param duplicate whether {@code clientMessageId} had been posted before
     */
    record MessageResponse(String id, String conversationId, String clientMessageId, long eventId, boolean duplicate) {}

    record AttachmentResponse(String id, String name, String contentType, long size, URI url, Instant createdAt) {

        static AttachmentResponse of(ChatAttachment attachment) {
            return new AttachmentResponse(
                    attachment.id(),
                    attachment.name(),
                    attachment.contentType(),
                    attachment.size(),
                    attachment.url(),
                    attachment.createdAt());
        }
    }
}
