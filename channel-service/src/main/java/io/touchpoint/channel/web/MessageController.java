package io.touchpoint.channel.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.touchpoint.channel.application.InboundMessageStore.StoredInboundMessage;
import io.touchpoint.channel.application.InboundMessages;
import io.touchpoint.events.Channel;
import io.touchpoint.events.Handle;
import io.touchpoint.events.MessageContent;
import io.touchpoint.events.interaction.InteractionReceived.ThreadHints;
import io.touchpoint.tenancy.TenantContext;
import java.time.Instant;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/channels/messages/{id}}: a message as channel-service stored it. */
@RestController
class MessageController {

    private final InboundMessages inbound;

    MessageController(InboundMessages inbound) {
        this.inbound = inbound;
    }

    @GetMapping("/v1/channels/messages/{id}")
    InboundMessageResponse get(TenantContext tenant, @PathVariable String id) {
        return InboundMessageResponse.of(inbound.get(tenant.tenantId(), id));
    }

    /** An inbound message; {@code direction} is always {@code inbound}. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record InboundMessageResponse(
            String id,
            String direction,
            String connectionId,
            Channel channel,
            String providerMessageId,
            Handle customer,
            ThreadHints thread,
            MessageContent content,
            String language,
            Map<String, String> metadata,
            Instant receivedAt) {

        static InboundMessageResponse of(StoredInboundMessage stored) {
            var message = stored.message();
            return new InboundMessageResponse(
                    stored.id(),
                    "inbound",
                    stored.connectionId(),
                    message.channel(),
                    message.providerMessageId(),
                    message.customer(),
                    message.thread(),
                    message.content(),
                    message.language(),
                    message.metadata(),
                    message.receivedAt());
        }
    }
}
