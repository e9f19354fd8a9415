package io.touchpoint.starter.cloudevents;

import java.util.Set;

/**
 * What the broker confirmed of a batch: the ids of the confirmed events, and why the others were not (null when all
 * were).
 */
public record PublishResult(Set<String> confirmed, String failure) {

    public PublishResult {
        confirmed = Set.copyOf(confirmed);
    }

    public boolean allConfirmed() {
        return failure == null;
    }
}
