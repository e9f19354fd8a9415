package io.touchpoint.gateway.auth;

/** The store that knows the credentials could not be asked: the caller is neither known nor unknown. */
public class CredentialStoreUnavailableException extends RuntimeException {

    public CredentialStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
