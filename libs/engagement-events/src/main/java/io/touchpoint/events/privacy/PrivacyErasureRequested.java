package io.touchpoint.events.privacy;

import io.touchpoint.events.Actor;
import io.touchpoint.events.EventPayload;
import io.touchpoint.events.Handle;
import java.time.Instant;
import java.util.List;

/**
 * A customer's personal data must be erased (GDPR art. 17, CCPA deletion). Every service that keeps data about
 * the profile or its identities erases or anonymizes it. The identities are here so that data not linked to the
 * profile can be found; consumers must not keep them beyond doing the erasure.
 *
 * @param requestId the erasure request, {@code prv_…}
 * @param profileId the profile to erase, {@code prf_…}
 * @param identities every handle of the profile, and any others the request named
 * @param legalBasis the regulation invoked, e.g. {@code gdpr_art17}, {@code ccpa}, if stated
 * @param requestedBy who filed the request
 * @param dueBy the legal deadline
 * @param requestedAt when it was filed
 */
public record PrivacyErasureRequested(
        String requestId,
        String profileId,
        List<Handle> identities,
        String legalBasis,
        Actor requestedBy,
        Instant dueBy,
        Instant requestedAt)
        implements EventPayload {

    public PrivacyErasureRequested {
        identities = (identities != null) ? List.copyOf(identities) : List.of();
    }

    @Override
    public String subject() {
        return this.requestId;
    }
}
