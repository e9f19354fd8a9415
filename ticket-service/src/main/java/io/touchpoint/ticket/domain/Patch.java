package io.touchpoint.ticket.domain;

/**
 * One field of a partial update that can also be cleared: a null {@code Patch} leaves the field as it is,
 * {@code Patch.clear()} removes its value, {@code Patch.to(v)} sets it.
 */
public record Patch<T>(T value) {

    public static <T> Patch<T> to(T value) {
        return new Patch<>(value);
    }

    public static <T> Patch<T> clear() {
        return new Patch<>(null);
    }

    /** The field's value after {@code patch}. */
    public static <T> T apply(Patch<T> patch, T current) {
        return patch == null ? current : patch.value();
    }
}
