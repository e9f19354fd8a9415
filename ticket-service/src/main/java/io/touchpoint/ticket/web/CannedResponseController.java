package io.touchpoint.ticket.web;

import io.touchpoint.tenancy.TenantContext;
import io.touchpoint.ticket.application.CannedResponses;
import io.touchpoint.ticket.application.CannedResponses.CannedResponseContent;
import io.touchpoint.ticket.domain.CannedResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/tickets/canned-responses}: a tenant's reusable replies. Their text may use {@code {{customer.name}}},
 * {@code {{customer.handle}}}, {@code {{ticket.id}}}, {@code {{ticket.title}}} and {@code {{agent.id}}}, with a
 * fallback after {@code |}: {@code Hi {{customer.name | there}}}.
 */
@RestController
@RequestMapping("/v1/tickets/canned-responses")
class CannedResponseController {

    private final CannedResponses responses;

    CannedResponseController(CannedResponses responses) {
        this.responses = responses;
    }

    @PostMapping
    ResponseEntity<CannedResponseResponse> create(
            TenantContext tenant, @Valid @RequestBody CreateCannedResponseRequest request) {
        Scopes.requireWrite(tenant);
        CannedResponse created = responses.create(
                tenant.tenantId(), new CannedResponseContent(request.name(), request.subjectLine(), request.text()));
        return ResponseEntity.created(URI.create("/v1/tickets/canned-responses/" + created.id()))
                .eTag(ETags.of(created.version()))
                .body(CannedResponseResponse.of(created));
    }

    @GetMapping
    PageResponse<CannedResponseResponse> list(
            TenantContext tenant,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) String after) {
        return PageResponse.of(
                responses.page(tenant.tenantId(), Cursor.decode(after), limit + 1),
                limit,
                CannedResponse::id,
                CannedResponseResponse::of);
    }

    @GetMapping("/{id}")
    ResponseEntity<CannedResponseResponse> get(TenantContext tenant, @PathVariable String id) {
        CannedResponse response = responses.get(tenant.tenantId(), id);
        return ResponseEntity.ok().eTag(ETags.of(response.version())).body(CannedResponseResponse.of(response));
    }

    @PatchMapping("/{id}")
    ResponseEntity<CannedResponseResponse> update(
            TenantContext tenant,
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody UpdateCannedResponseRequest request) {
        Scopes.requireWrite(tenant);
        CannedResponse updated = responses.update(
                tenant.tenantId(),
                id,
                new CannedResponseContent(request.name(), request.subjectLine(), request.text()),
                ETags.version(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(updated.version())).body(CannedResponseResponse.of(updated));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(TenantContext tenant, @PathVariable String id) {
        Scopes.requireWrite(tenant);
        responses.delete(tenant.tenantId(), id);
        return ResponseEntity.noContent().build();
    }

    record CreateCannedResponseRequest(
            @NotBlank @Size(max = CannedResponse.MAX_NAME_LENGTH) String name,
            @Size(max = 300) String subjectLine,
            @NotBlank @Size(max = CannedResponse.MAX_TEXT_LENGTH) String text) {}

    /** A partial change: absent fields stay. */
    record UpdateCannedResponseRequest(
            @Size(min = 1, max = CannedResponse.MAX_NAME_LENGTH) String name,
            @Size(max = 300) String subjectLine,
            @Size(min = 1, max = CannedResponse.MAX_TEXT_LENGTH) String text) {}

    record CannedResponseResponse(
            String id,
            String name,
            String subjectLine,
            String text,
            long version,
            Instant createdAt,
            Instant updatedAt) {

        static CannedResponseResponse of(CannedResponse response) {
            return new CannedResponseResponse(
                    response.id(),
                    response.name(),
                    response.subjectLine(),
                    response.text(),
                    response.version(),
                    response.createdAt(),
                    response.updatedAt());
        }
    }
}
