package io.touchpoint.gateway.auth;

/** The credential needed a store lookup its {@link RejectionBudget} did not allow: it is neither known nor unknown. */
public class LookupRefusedException extends RuntimeException {

    public LookupRefusedException() {
        super("credential store lookup not permitted", null, false, false);
    }
}
