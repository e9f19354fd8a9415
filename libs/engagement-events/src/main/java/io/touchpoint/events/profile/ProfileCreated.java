package io.touchpoint.events.profile;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.touchpoint.events.EventPayload;
import io.touchpoint.events.Handle;
import java.time.Instant;
import java.util.List;

/**
 * A customer profile was created.
 *
 * @param profileId the profile, {@code prf_…}
 * @param displayName the customer's name, if known
 * @param identities the handles the profile is known by
 * @param language the customer's preferred language (BCP 47), if known
 * @param origin how it came to exist
 * @param interactionId the inbound message it was created for ({@code msg_…}), when {@code origin} is an interaction
 * @param createdAt when
 */
public record ProfileCreated(
        String profileId,
        String displayName,
        List<Handle> identities,
        String language,
        Origin origin,
        String interactionId,
        Instant createdAt)
        implements EventPayload {

    public ProfileCreated {
        identities = (identities != null) ? List.copyOf(identities) : List.of();
    }

    @Override
    public String subject() {
        return this.profileId;
    }

    public enum Origin {
        @JsonProperty("interaction")
        INTERACTION,
        @JsonProperty("api")
        API,
        @JsonProperty("import")
        IMPORT
    }
}
