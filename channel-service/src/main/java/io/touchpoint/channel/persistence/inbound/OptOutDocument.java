package io.touchpoint.channel.persistence.inbound;

import io.touchpoint.events.Channel;
import java.time.Instant;
import java.util.Locale;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The consent of one customer handle on one channel of a tenant. The {@code _id} is {@code tenant|channel|handle}, so
 * the check outbound delivery makes before every send is a read by id on MongoDB and on its stand-in alike.
 *
 * @param asOf when the inbound message that changed it was stored; only a later message changes it again
 * @param messageId that message, {@code msg_…}
 */
@Document(OptOutDocument.COLLECTION)
record OptOutDocument(
        @Id String id,
        String tenantId,
        Channel channel,
        String handle,
        boolean optedOut,
        Instant asOf,
        String messageId,
        Instant updatedAt) {

    static final String COLLECTION = "opt_outs";

    static String key(String tenantId, Channel channel, String handle) {
        return tenantId + "|" + channel.name().toLowerCase(Locale.ROOT) + "|" + handle;
    }
}
