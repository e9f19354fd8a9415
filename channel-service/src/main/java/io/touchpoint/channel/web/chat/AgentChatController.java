package io.touchpoint.channel.web.chat;

import io.touchpoint.channel.application.webchat.WebChatStream;
import io.touchpoint.tenancy.TenantContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * What agents' consoles tell a visitor's widget besides replies (which arrive through {@code reply.requested}):
 * {@code POST /v1/channels/web-chat/conversations/{id}/typing}.
 */
@RestController
class AgentChatController {

    private final WebChatStream stream;

    AgentChatController(WebChatStream stream) {
        this.stream = stream;
    }

    /** An agent started or stopped typing: a {@code typing} event on the conversation's stream. */
    @PostMapping("/v1/channels/web-chat/conversations/{conversationId}/typing")
    ResponseEntity<Void> typing(
            TenantContext tenant, @PathVariable String conversationId, @Valid @RequestBody AgentTypingRequest request) {
        stream.agentTyping(tenant.tenantId(), conversationId, request.agentName(), request.typing());
        return ResponseEntity.noContent().build();
    }

    /** @param agentName the name the widget shows, if any */
    record AgentTypingRequest(@NotNull Boolean typing, @Size(min = 1, max = 200) String agentName) {}
}
