package io.touchpoint.gateway.admin;

import java.time.Instant;
import java.util.List;

/** Request bodies of the API key resource. */
final class ApiKeyRequests {

    private ApiKeyRequests() {}

    record CreateApiKeyRequest(String name, List<String> scopes, Instant expiresAt) {}

    /** How long the old key keeps working after a rotation; none: it stops at once. */
    record RotateApiKeyRequest(Long gracePeriodSeconds) {}
}
