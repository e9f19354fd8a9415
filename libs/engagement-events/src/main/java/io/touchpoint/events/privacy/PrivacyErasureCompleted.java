package io.touchpoint.events.privacy;

import io.touchpoint.events.EventPayload;
import java.time.Instant;
import java.util.List;

/**
 * Profile-service finished an erasure request. Deliberately carries no personal data: it is the record that the
 * data is gone.
 *
 * @param requestId the erasure request, {@code prv_…}
 * @param profileId the erased profile, {@code prf_…}, now an empty tombstone
 * @param erasedData the kinds of data erased, e.g. {@code profile}, {@code identities}, {@code timeline}
 * @param completedAt when
 */
public record PrivacyErasureCompleted(String requestId, String profileId, List<String> erasedData, Instant completedAt)
        implements EventPayload {

    public PrivacyErasureCompleted {
        erasedData = (erasedData != null) ? List.copyOf(erasedData) : List.of();
    }

    @Override
    public String subject() {
        return this.requestId;
    }
}
