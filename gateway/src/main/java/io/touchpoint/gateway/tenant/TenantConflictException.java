package io.touchpoint.gateway.tenant;

/** The change contradicts what is stored: the id is taken, or the version the caller saw is no longer current. */
public class TenantConflictException extends RuntimeException {

    private final boolean precondition;

    public TenantConflictException(String message, boolean precondition) {
        super(message);
        this.precondition = precondition;
    }

    /** True when an {@code If-Match} version did not match (412), false for a taken id (409). */
    public boolean precondition() {
        return precondition;
    }
}
