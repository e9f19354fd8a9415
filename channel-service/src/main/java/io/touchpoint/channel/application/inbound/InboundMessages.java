package io.touchpoint.channel.application.inbound;

import io.touchpoint.channel.application.inbound.InboundMessageStore.StoredInboundMessage;
import io.touchpoint.starter.problem.NotFoundException;
import org.springframework.stereotype.Service;

/** Reading the inbound messages a tenant received. */
@Service
public class InboundMessages {

    private final InboundMessageStore store;

    public InboundMessages(InboundMessageStore store) {
        this.store = store;
    }

    /** The message, or 404 when it does not exist or belongs to another tenant. */
    public StoredInboundMessage get(String tenantId, String id) {
        return store.find(tenantId, id)
                .orElseThrow(() -> new NotFoundException("message_not_found", "No message " + id + "."));
    }
}
