package io.touchpoint.channel.application.outbound;

import io.touchpoint.channel.domain.outbound.OutboundDelivery;
import io.touchpoint.channel.domain.outbound.OutboundMessage;
import io.touchpoint.channel.domain.outbound.OutboundMessage.Origin;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Reading the outbound messages of a tenant, with their delivery state and history. */
@Service
public class OutboundMessages {

    private final OutboundMessageStore store;

    public OutboundMessages(OutboundMessageStore store) {
        this.store = store;
    }

    public Optional<OutboundDelivery> find(String tenantId, String id) {
        return store.find(tenantId, id);
    }

    /** The message sent for {@code origin}: one read by id, which is derived from it. */
    public Optional<OutboundDelivery> sentFor(String tenantId, Origin origin) {
        return store.find(tenantId, OutboundMessage.idFor(tenantId, origin));
    }
}
