package io.touchpoint.gateway.admin;

import io.touchpoint.gateway.admin.TenantRequests.CreateTenantRequest;
import io.touchpoint.gateway.admin.TenantRequests.UpdateTenantRequest;
import io.touchpoint.gateway.tenant.TenantDocument;
import io.touchpoint.gateway.tenant.TenantManagement;
import io.touchpoint.gateway.tenant.TenantManagement.ChangeTenant;
import io.touchpoint.gateway.tenant.TenantManagement.CreateTenant;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Tenants: who may use the platform, on which plan, from which browser origins. */
@RestController
@RequestMapping("/v1/admin/tenants")
class TenantAdminController {

    static final Pattern TENANT_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{1,62}");
    private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?");
    private static final List<String> STATUSES = List.of(TenantDocument.ACTIVE, TenantDocument.SUSPENDED);
    private static final String RESERVED_TENANT = "platform";

    private final TenantManagement tenants;

    TenantAdminController(TenantManagement tenants) {
        this.tenants = tenants;
    }

    @PostMapping
    Mono<ResponseEntity<TenantResponse>> create(@RequestBody(required = false) String body) {
        CreateTenantRequest request = AdminRequests.read(body, CreateTenantRequest.class);
        AdminRequests.Errors errors = new AdminRequests.Errors();
        if (request.id() != null
                && (!TENANT_ID.matcher(request.id()).matches() || RESERVED_TENANT.equals(request.id()))) {
            errors.add("id", "must be 2-63 lower-case letters, digits, '-' or '_', and not '" + RESERVED_TENANT + "'");
        }
        checkName(request.name(), true, errors);
        checkPlan(request.plan(), errors);
        checkOrigins(request.allowedOrigins(), errors);
        errors.throwIfAny();
        return tenants.create(new CreateTenant(request.id(), request.name(), request.plan(), request.allowedOrigins()))
                .map(TenantResponse::of)
                .map(created -> ResponseEntity.created(URI.create("/v1/admin/tenants/" + created.id()))
                        .eTag(created.etag())
                        .body(created));
    }

    @GetMapping
    Mono<Page<TenantResponse>> list(
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String after) {
        int size = AdminRequests.limit(limit);
        return tenants.tenants(AdminRequests.after(after), size + 1)
                .map(TenantResponse::of)
                .collectList()
                .map(items -> Page.of(items, size, TenantResponse::id));
    }

    @GetMapping("/{tenantId}")
    Mono<ResponseEntity<TenantResponse>> get(@PathVariable String tenantId) {
        return tenants.tenant(tenantId)
                .map(TenantResponse::of)
                .map(tenant -> ResponseEntity.ok().eTag(tenant.etag()).body(tenant));
    }

    @PatchMapping("/{tenantId}")
    Mono<ResponseEntity<TenantResponse>> update(
            @PathVariable String tenantId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) String body) {
        UpdateTenantRequest request = AdminRequests.read(body, UpdateTenantRequest.class);
        AdminRequests.Errors errors = new AdminRequests.Errors();
        checkName(request.name(), false, errors);
        checkPlan(request.plan(), errors);
        if (request.status() != null && !STATUSES.contains(request.status())) {
            errors.add("status", "must be one of " + String.join(", ", STATUSES));
        }
        checkOrigins(request.allowedOrigins(), errors);
        Long expectedVersion = version(ifMatch, errors);
        errors.throwIfAny();
        ChangeTenant change =
                new ChangeTenant(request.name(), request.plan(), request.status(), request.allowedOrigins());
        return tenants.change(tenantId, expectedVersion, change)
                .map(TenantResponse::of)
                .map(tenant ->
                        ResponseEntity.status(HttpStatus.OK).eTag(tenant.etag()).body(tenant));
    }

    private static Long version(String ifMatch, AdminRequests.Errors errors) {
        if (ifMatch == null || ifMatch.equals("*")) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            errors.add("If-Match", "must be an ETag this API returned");
            return null;
        }
    }

    private static void checkName(String name, boolean required, AdminRequests.Errors errors) {
        if (name == null ? required : name.isBlank() || name.length() > 200) {
            errors.add("name", "must be 1-200 characters");
        }
    }

    private static void checkPlan(String plan, AdminRequests.Errors errors) {
        if (plan != null && !AdminRequests.PLAN.matcher(plan).matches()) {
            errors.add("plan", "must be a plan name such as free, standard or enterprise");
        }
    }

    private static void checkOrigins(List<String> origins, AdminRequests.Errors errors) {
        if (origins == null) {
            return;
        }
        for (int i = 0; i < origins.size(); i++) {
            String origin = origins.get(i);
            if (origin == null || !ORIGIN.matcher(origin).matches()) {
                errors.add("allowedOrigins[" + i + "]", "must be an origin such as https://app.example.com (no path)");
            }
        }
    }
}
