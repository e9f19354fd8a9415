package io.touchpoint.events.profile;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.touchpoint.events.Actor;
import io.touchpoint.events.EventPayload;
import io.touchpoint.events.Handle;
import java.time.Instant;
import java.util.List;

/**
 * Profiles found to be the same customer were merged into one survivor; the merged profiles now redirect to it.
 * Consumers repoint what they keep by merged profile id to the survivor.
 *
 * @param mergeId the merge, {@code mrg_…}; {@code profile.unmerged} names it to undo it
 * @param survivorProfileId the profile that remains, {@code prf_…}
 * @param mergedProfileIds the profiles merged into it
 * @param identitiesMoved the handles that moved to the survivor
 * @param reason why they were merged
 * @param mergedBy who merged them
 * @param mergedAt when
 */
public record ProfileMerged(
        String mergeId,
        String survivorProfileId,
        List<String> mergedProfileIds,
        List<Handle> identitiesMoved,
        Reason reason,
        Actor mergedBy,
        Instant mergedAt)
        implements EventPayload {

    public ProfileMerged {
        mergedProfileIds = (mergedProfileIds != null) ? List.copyOf(mergedProfileIds) : List.of();
        identitiesMoved = (identitiesMoved != null) ? List.copyOf(identitiesMoved) : List.of();
    }

    @Override
    public String subject() {
        return this.survivorProfileId;
    }

    public enum Reason {
        @JsonProperty("identity_match")
        IDENTITY_MATCH,
        @JsonProperty("manual")
        MANUAL
    }
}
