package io.touchpoint.events.profile;

import io.touchpoint.events.Actor;
import io.touchpoint.events.EventPayload;
import io.touchpoint.events.Handle;
import java.time.Instant;
import java.util.List;

/**
 * A profile changed. The event names what changed rather than carrying every new value; a consumer that needs
 * the values reads the profile at {@code version} or later.
 *
 * @param profileId the profile, {@code prf_…}
 * @param changedFields the fields that changed, as JSON paths of the profile resource (e.g. {@code displayName},
 *     {@code attributes.plan}, {@code consents.marketing_email})
 * @param identitiesAdded handles the profile is now also known by
 * @param identitiesRemoved handles it is no longer known by
 * @param version the profile's version after the change (its ETag)
 * @param updatedBy who changed it
 * @param updatedAt when
 */
public record ProfileUpdated(
        String profileId,
        List<String> changedFields,
        List<Handle> identitiesAdded,
        List<Handle> identitiesRemoved,
        long version,
        Actor updatedBy,
        Instant updatedAt)
        implements EventPayload {

    public ProfileUpdated {
        changedFields = (changedFields != null) ? List.copyOf(changedFields) : List.of();
        identitiesAdded = (identitiesAdded != null) ? List.copyOf(identitiesAdded) : List.of();
        identitiesRemoved = (identitiesRemoved != null) ? List.copyOf(identitiesRemoved) : List.of();
    }

    @Override
    public String subject() {
        return this.profileId;
    }
}
