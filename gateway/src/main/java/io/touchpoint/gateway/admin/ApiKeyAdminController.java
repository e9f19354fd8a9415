package io.touchpoint.gateway.admin;

import io.touchpoint.gateway.admin.ApiKeyRequests.CreateApiKeyRequest;
import io.touchpoint.gateway.admin.ApiKeyRequests.RotateApiKeyRequest;
import io.touchpoint.gateway.auth.Scopes;
import io.touchpoint.gateway.tenant.TenantManagement;
import io.touchpoint.gateway.tenant.TenantManagement.CreateKey;
import io.touchpoint.gateway.tenant.TenantManagement.IssuedKey;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A tenant's API keys: created with their secret shown once, listed without it, rotated and revoked. */
@RestController
@RequestMapping("/v1/admin/tenants/{tenantId}/api-keys")
class ApiKeyAdminController {

    private static final long MAX_GRACE_SECONDS = Duration.ofDays(7).toSeconds();

    private final TenantManagement tenants;

    ApiKeyAdminController(TenantManagement tenants) {
        this.tenants = tenants;
    }

    @PostMapping
    Mono<ResponseEntity<ApiKeyResponse>> create(
            @PathVariable String tenantId, @RequestBody(required = false) String body) {
        CreateApiKeyRequest request = AdminRequests.read(body, CreateApiKeyRequest.class);
        AdminRequests.Errors errors = new AdminRequests.Errors();
        if (request.name() == null || request.name().isBlank() || request.name().length() > 200) {
            errors.add("name", "must be 1-200 characters");
        }
        if (request.scopes() == null || request.scopes().isEmpty()) {
            errors.add("scopes", "must name at least one of " + String.join(", ", Scopes.sorted()));
        } else {
            for (int i = 0; i < request.scopes().size(); i++) {
                String scope = request.scopes().get(i);
                if (!Scopes.ALL.contains(scope)) {
                    errors.add(
                            "scopes[" + i + "]",
                            "'" + scope + "' is not a scope; allowed: " + String.join(", ", Scopes.sorted()));
                }
            }
        }
        if (request.expiresAt() != null && !request.expiresAt().isAfter(Instant.now())) {
            errors.add("expiresAt", "must lie in the future");
        }
        errors.throwIfAny();
        return tenants.createKey(
                        tenantId, new CreateKey(request.name(), List.copyOf(request.scopes()), request.expiresAt()))
                .map(ApiKeyAdminController::created);
    }

    @GetMapping
    Mono<Page<ApiKeyResponse>> list(
            @PathVariable String tenantId,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String after) {
        int size = AdminRequests.limit(limit);
        return tenants.keys(tenantId, AdminRequests.after(after), size + 1)
                .map(ApiKeyResponse::of)
                .collectList()
                .map(items -> Page.of(items, size, ApiKeyResponse::id));
    }

    @GetMapping("/{keyId}")
    Mono<ApiKeyResponse> get(@PathVariable String tenantId, @PathVariable String keyId) {
        return tenants.key(tenantId, keyId).map(ApiKeyResponse::of);
    }

    /** A new key replacing this one, which stops now or after {@code gracePeriodSeconds}. */
    @PostMapping("/{keyId}/rotate")
    Mono<ResponseEntity<ApiKeyResponse>> rotate(
            @PathVariable String tenantId, @PathVariable String keyId, @RequestBody(required = false) String body) {
        RotateApiKeyRequest request = body == null || body.isBlank()
                ? new RotateApiKeyRequest(null)
                : AdminRequests.read(body, RotateApiKeyRequest.class);
        long grace = request.gracePeriodSeconds() == null ? 0 : request.gracePeriodSeconds();
        if (grace < 0 || grace > MAX_GRACE_SECONDS) {
            new AdminRequests.Errors()
                    .add("gracePeriodSeconds", "must be between 0 and " + MAX_GRACE_SECONDS)
                    .throwIfAny();
        }
        return tenants.rotate(tenantId, keyId, Duration.ofSeconds(grace)).map(ApiKeyAdminController::created);
    }

    @DeleteMapping("/{keyId}")
    Mono<ResponseEntity<Void>> revoke(@PathVariable String tenantId, @PathVariable String keyId) {
        return tenants.revoke(tenantId, keyId)
                .thenReturn(ResponseEntity.noContent().build());
    }

    private static ResponseEntity<ApiKeyResponse> created(IssuedKey issued) {
        ApiKeyResponse response = ApiKeyResponse.withSecret(issued.key(), issued.secret());
        return ResponseEntity.created(
                        URI.create("/v1/admin/tenants/" + response.tenantId() + "/api-keys/" + response.id()))
                .header("Cache-Control", "no-store")
                .body(response);
    }
}
