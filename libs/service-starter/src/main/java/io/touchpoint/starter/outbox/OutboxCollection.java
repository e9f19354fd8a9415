package io.touchpoint.starter.outbox;

import java.util.Objects;

/** Declares that documents of {@code name} carry an outbox; a service registers one bean per such collection. */
public record OutboxCollection(String name) {

    public OutboxCollection {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("outbox collection name must not be blank");
        }
    }
}
