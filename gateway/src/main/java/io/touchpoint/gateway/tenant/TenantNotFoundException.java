package io.touchpoint.gateway.tenant;

/** No such tenant, or no such key in that tenant. */
public class TenantNotFoundException extends RuntimeException {

    public TenantNotFoundException(String message) {
        super(message);
    }
}
