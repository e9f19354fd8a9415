package io.touchpoint.channel.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.touchpoint.channel.application.inbound.InboundMessageStore.StoredInboundMessage;
import io.touchpoint.channel.application.inbound.InboundMessages;
import io.touchpoint.channel.application.outbound.OutboundMessages;
import io.touchpoint.channel.domain.outbound.OutboundMessage.Origin;
import io.touchpoint.events.Channel;
import io.touchpoint.events.Handle;
import io.touchpoint.events.MessageContent;
import io.touchpoint.events.interaction.InteractionReceived.ThreadHints;
import io.touchpoint.tenancy.TenantContext;
import java.time.Instant;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/channels/messages/{id}}: a message as channel-service stored it. */
@RestController
class MessageController {

    private final InboundMessages inbound;

    private final OutboundMessages outbound;

    MessageController(InboundMessages inbound, OutboundMessages outbound) {
        this.inbound = inbound;
        this.outbound = outbound;
    }

    /** An inbound message, or an outbound one with its delivery state ({@link OutboundMessageResponse}). */
    @GetMapping("/v1/channels/messages/{id}")
    Object get(TenantContext tenant, @PathVariable String id) {
        return outbound.find(tenant.tenantId(), id)
                .<Object>map(OutboundMessageResponse::of)
                .orElseGet(() -> InboundMessageResponse.of(inbound.get(tenant.tenantId(), id)));
    }

    /** The outbound message sent for a reply ({@code ?replyId=rpl_…}): a list of at most one. */
    @GetMapping(path = "/v1/channels/messages", params = "replyId")
    PageResponse<OutboundMessageResponse> sentForReply(TenantContext tenant, @RequestParam String replyId) {
        return sentFor(tenant, Origin.reply(replyId));
    }

    /** The outbound message sent for a survey ({@code ?surveyId=srv_…}): a list of at most one. */
    @GetMapping(path = "/v1/channels/messages", params = "surveyId")
    PageResponse<OutboundMessageResponse> sentForSurvey(TenantContext tenant, @RequestParam String surveyId) {
        return sentFor(tenant, Origin.survey(surveyId));
    }

    private PageResponse<OutboundMessageResponse> sentFor(TenantContext tenant, Origin origin) {
        return new PageResponse<>(
                outbound.sentFor(tenant.tenantId(), origin).map(OutboundMessageResponse::of).stream()
                        .toList(),
                null);
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
