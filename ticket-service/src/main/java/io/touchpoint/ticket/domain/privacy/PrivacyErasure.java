package io.touchpoint.ticket.domain.privacy;

import io.touchpoint.events.Handle;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A customer whose personal data goes: by profile and by every handle they wrote from. Erased text, handles and names
 * read {@value #ERASED}; what remains of the tickets is their shape (status, times, team), which reporting needs and
 * which says nothing about the person.
 *
 * @param handleValues the addresses, numbers and channel ids of the customer's handles
 */
public record PrivacyErasure(String profileId, Set<String> handleValues) {

    public static final String ERASED = "[erased]";

    public PrivacyErasure {
        Objects.requireNonNull(profileId, "profileId");
        handleValues = Set.copyOf(handleValues);
    }

    /** The erasure of {@code profileId} and the handles named, skipping empty ones. */
    public static PrivacyErasure of(String profileId, Collection<Handle> handles) {
        Set<String> values = new LinkedHashSet<>();
        for (Handle handle : handles) {
            if (handle != null && handle.value() != null && !handle.value().isBlank()) {
                values.add(handle.value());
            }
        }
        return new PrivacyErasure(profileId, values);
    }
}
