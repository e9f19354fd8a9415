package io.touchpoint.tenancy;

/** A tenant context header that is missing, malformed, expired or not signed with the shared key. */
public class InvalidTenantContextException extends RuntimeException {

    /** Why the header was refused; safe to show to the caller. */
    public enum Reason {
        MISSING,
        MALFORMED,
        EXPIRED,
        FORGED
    }

    private final Reason reason;

    public InvalidTenantContextException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
