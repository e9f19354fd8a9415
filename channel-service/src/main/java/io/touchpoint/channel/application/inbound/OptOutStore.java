package io.touchpoint.channel.application.inbound;

import io.touchpoint.events.Channel;
import java.time.Instant;

/**
 * Where customers' consent to messages is kept: one record per {@code (tenant, channel, handle)}, looked up by that key
 * alone so that a check at send time costs one read by id.
 */
public interface OptOutStore {

    /** Whether the consent last recorded for the handle is an opt-out; false when none was ever recorded. */
    boolean isOptedOut(String tenantId, Channel channel, String handleValue);

    /**
     * Records that the handle opted out (or back in) at {@code asOf}, unless what is recorded already happened at or
     * after {@code asOf}: a provider's late retry of an old message must not undo a newer one.
     *
     * @param messageId the stored inbound message that carried the change, {@code msg_…}
     * @return whether this changed the record
     */
    boolean record(
            String tenantId, Channel channel, String handleValue, boolean optedOut, Instant asOf, String messageId);
}
