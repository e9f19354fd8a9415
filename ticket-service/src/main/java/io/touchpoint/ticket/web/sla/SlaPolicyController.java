package io.touchpoint.ticket.web.sla;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.touchpoint.events.ticket.Priority;
import io.touchpoint.events.ticket.SlaMetric;
import io.touchpoint.tenancy.TenantContext;
import io.touchpoint.ticket.application.sla.SlaPolicies;
import io.touchpoint.ticket.application.sla.SlaPolicies.SlaPolicyContent;
import io.touchpoint.ticket.domain.sla.EscalationStep;
import io.touchpoint.ticket.domain.sla.SlaPolicy;
import io.touchpoint.ticket.domain.sla.SlaTrigger;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/tickets/sla-policies}: what a tenant promises per ticket priority. Targets are ISO 8601 durations of
 * business time ({@code PT4H}) in the policy's calendar, or around the clock without one.
 */
@RestController
@RequestMapping("/v1/tickets/sla-policies")
class SlaPolicyController {

    private final SlaPolicies policies;

    SlaPolicyController(SlaPolicies policies) {
        this.policies = policies;
    }

    @PostMapping
    ResponseEntity<SlaPolicyResponse> create(TenantContext tenant, @Valid @RequestBody SlaPolicyRequest request) {
        SettingsScope.requireWrite(tenant);
        SlaPolicy created = policies.create(tenant.tenantId(), request.toContent());
        return ResponseEntity.created(URI.create("/v1/tickets/sla-policies/" + created.id()))
                .eTag(ETags.of(created.version()))
                .body(SlaPolicyResponse.of(created));
    }

    @GetMapping
    PageResponse<SlaPolicyResponse> list(
            TenantContext tenant,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) String after) {
        return PageResponse.of(
                policies.page(tenant.tenantId(), Cursor.decode(after), limit + 1),
                limit,
                SlaPolicy::id,
                SlaPolicyResponse::of);
    }

    @GetMapping("/{id}")
    ResponseEntity<SlaPolicyResponse> get(TenantContext tenant, @PathVariable String id) {
        SlaPolicy policy = policies.get(tenant.tenantId(), id);
        return ResponseEntity.ok().eTag(ETags.of(policy.version())).body(SlaPolicyResponse.of(policy));
    }

    /** Replaces the whole policy; tickets already under it move to the new targets with their next change. */
    @PutMapping("/{id}")
    ResponseEntity<SlaPolicyResponse> replace(
            TenantContext tenant,
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody SlaPolicyRequest request) {
        SettingsScope.requireWrite(tenant);
        SlaPolicy replaced = policies.replace(tenant.tenantId(), id, request.toContent(), ETags.version(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(replaced.version())).body(SlaPolicyResponse.of(replaced));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(TenantContext tenant, @PathVariable String id) {
        SettingsScope.requireWrite(tenant);
        policies.delete(tenant.tenantId(), id);
        return ResponseEntity.noContent().build();
    }

    /**
     * A policy.
     *
     * @param calendarId the business calendar ({@code cal_…}) targets count in; absent to count around the clock
     * @param warningThreshold percent of a target after which its warning steps fire; 80 when absent
     */
    record SlaPolicyRequest(
            @NotBlank @Size(max = SlaPolicy.MAX_NAME_LENGTH) String name,
            @NotNull Priority priority,
            @NotNull @Valid TargetsJson targets,
            @Size(min = 1, max = 128) String calendarId,
            @Min(1) @Max(99) Integer warningThreshold,
            @Size(max = SlaPolicy.MAX_ESCALATIONS) List<@NotNull @Valid StepJson> escalations) {

        SlaPolicyContent toContent() {
            return new SlaPolicyContent(
                    name,
                    priority,
                    targets.toMap(),
                    calendarId,
                    warningThreshold,
                    escalations != null
                            ? escalations.stream().map(StepJson::toStep).toList()
                            : List.of());
        }
    }

    /** Business time per metric; a metric left out is not measured. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TargetsJson(Duration firstResponse, Duration nextResponse, Duration resolution) {

        Map<SlaMetric, Duration> toMap() {
            Map<SlaMetric, Duration> targets = new EnumMap<>(SlaMetric.class);
            if (firstResponse != null) {
                targets.put(SlaMetric.FIRST_RESPONSE, firstResponse);
            }
            if (nextResponse != null) {
                targets.put(SlaMetric.NEXT_RESPONSE, nextResponse);
            }
            if (resolution != null) {
                targets.put(SlaMetric.RESOLUTION, resolution);
            }
            return targets;
        }
    }

    /**
     * An escalation step: on the {@code warning} or {@code breach} of {@code metric} (of every target when absent), it
     * raises the priority to {@code raisePriorityTo} and moves the ticket to {@code teamId}, and always announces
     * {@code ticket.escalated}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StepJson(
            @NotNull @Pattern(regexp = "warning|breach", message = "must be warning or breach") String on,
            SlaMetric metric,
            Priority raisePriorityTo,
            @Size(min = 1, max = EscalationStep.MAX_TEAM_ID_LENGTH) String teamId) {

        EscalationStep toStep() {
            return new EscalationStep(SlaTrigger.valueOf(on.toUpperCase(Locale.ROOT)), metric, raisePriorityTo, teamId);
        }

        static StepJson of(EscalationStep step) {
            return new StepJson(step.on().apiName(), step.metric(), step.raisePriorityTo(), step.teamId());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SlaPolicyResponse(
            String id,
            String name,
            Priority priority,
            Map<String, String> targets,
            String calendarId,
            int warningThreshold,
            List<StepJson> escalations,
            long version,
            Instant createdAt,
            Instant updatedAt) {

        static SlaPolicyResponse of(SlaPolicy policy) {
            Map<String, String> targets = new java.util.LinkedHashMap<>();
            policy.target(SlaMetric.FIRST_RESPONSE)
                    .ifPresent(target -> targets.put("firstResponse", target.toString()));
            policy.target(SlaMetric.NEXT_RESPONSE).ifPresent(target -> targets.put("nextResponse", target.toString()));
            policy.target(SlaMetric.RESOLUTION).ifPresent(target -> targets.put("resolution", target.toString()));
            return new SlaPolicyResponse(
                    policy.id(),
                    policy.name(),
                    policy.priority(),
                    targets,
                    policy.calendarId(),
                    policy.warningPercent(),
                    policy.escalations().stream().map(StepJson::of).toList(),
                    policy.version(),
                    policy.createdAt(),
                    policy.updatedAt());
        }
    }
}
