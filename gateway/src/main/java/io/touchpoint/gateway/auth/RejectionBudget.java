package io.touchpoint.gateway.auth;

/**
 * How many rejected credentials a request's client address may still cost. A credential the gateway does not hold
 * (not cached) needs a store lookup, allowed only while the budget lasts; each rejected credential spends from it.
 * Credentials already cached keep working from an address whose budget is spent (see {@code FailedAuthentications}).
 */
public interface RejectionBudget {

    /** For callers without a budget: every lookup allowed, nothing counted. */
    RejectionBudget UNLIMITED = new RejectionBudget() {
        @Override
        public boolean allowsLookup() {
            return true;
        }

        @Override
        public void spend() {}
    };

    /** Whether authentication may query the credential store for a credential it does not hold. */
    boolean allowsLookup();

    /** Counts one credential of this address that was not accepted. */
    void spend();
}
