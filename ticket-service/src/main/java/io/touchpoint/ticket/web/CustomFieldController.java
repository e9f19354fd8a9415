package io.touchpoint.ticket.web;

import io.touchpoint.tenancy.TenantContext;
import io.touchpoint.ticket.application.CustomFieldDefinitions;
import io.touchpoint.ticket.application.CustomFieldDefinitions.Defined;
import io.touchpoint.ticket.domain.FieldDefinition;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/tickets/custom-fields}: the custom fields a tenant declares, each with a type ({@code string},
 * {@code number}, {@code boolean}, {@code date}) that every ticket's value must have. Undeclared fields take any
 * string, number or boolean.
 */
@RestController
@RequestMapping("/v1/tickets/custom-fields")
class CustomFieldController {

    private final CustomFieldDefinitions definitions;

    CustomFieldController(CustomFieldDefinitions definitions) {
        this.definitions = definitions;
    }

    @GetMapping
    PageResponse<CustomFieldResponse> list(TenantContext tenant) {
        return new PageResponse<>(
                definitions.all(tenant.tenantId()).stream()
                        .map(CustomFieldResponse::of)
                        .toList(),
                null);
    }

    /** Declares the field, or changes its label; its type cannot change (409). */
    @PutMapping("/{name}")
    ResponseEntity<CustomFieldResponse> define(
            TenantContext tenant, @PathVariable String name, @Valid @RequestBody DefineCustomFieldRequest request) {
        Scopes.requireWrite(tenant);
        Defined defined = definitions.define(
                tenant.tenantId(),
                name,
                FieldDefinition.Type.valueOf(WebConfiguration.upper(request.type())),
                request.label());
        CustomFieldResponse body = CustomFieldResponse.of(defined.definition());
        return defined.created()
                ? ResponseEntity.created(URI.create("/v1/tickets/custom-fields/" + name))
                        .body(body)
                : ResponseEntity.ok(body);
    }

    @DeleteMapping("/{name}")
    ResponseEntity<Void> delete(TenantContext tenant, @PathVariable String name) {
        Scopes.requireWrite(tenant);
        definitions.delete(tenant.tenantId(), name);
        return ResponseEntity.noContent().build();
    }

    record DefineCustomFieldRequest(
            @NotNull
                    @Pattern(
                            regexp = "string|number|boolean|date",
                            message = "must be one of string, number, boolean, date")
                    String type,
            @Size(max = FieldDefinition.MAX_LABEL_LENGTH) String label) {}

    record CustomFieldResponse(String name, String type, String label, Instant createdAt, Instant updatedAt) {

        static CustomFieldResponse of(FieldDefinition definition) {
            return new CustomFieldResponse(
                    definition.name(),
                    definition.type().apiName(),
                    definition.label(),
                    definition.createdAt(),
                    definition.updatedAt());
        }
    }
}
