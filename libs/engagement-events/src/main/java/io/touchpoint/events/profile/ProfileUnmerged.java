package io.touchpoint.events.profile;

import io.touchpoint.events.Actor;
import io.touchpoint.events.EventPayload;
import io.touchpoint.events.Handle;
import java.time.Instant;
import java.util.List;

/**
 * A merge was undone: the merged profiles exist on their own again, with the identities they brought.
 *
 * @param mergeId the merge undone, {@code mrg_…}
 * @param survivorProfileId the profile they had been merged into, {@code prf_…}
 * @param restoredProfileIds the profiles that exist again
 * @param identitiesRestored the handles that moved back from the survivor
 * @param unmergedBy who undid it
 * @param unmergedAt when
 */
public record ProfileUnmerged(
        String mergeId,
        String survivorProfileId,
        List<String> restoredProfileIds,
        List<Handle> identitiesRestored,
        Actor unmergedBy,
        Instant unmergedAt)
        implements EventPayload {

    public ProfileUnmerged {
        restoredProfileIds = (restoredProfileIds != null) ? List.copyOf(restoredProfileIds) : List.of();
        identitiesRestored = (identitiesRestored != null) ? List.copyOf(identitiesRestored) : List.of();
    }

    @Override
    public String subject() {
        return this.survivorProfileId;
    }
}
