package io.touchpoint.ticket.web.sla;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.touchpoint.events.ticket.Priority;
import io.touchpoint.tenancy.TenantContext;
import io.touchpoint.ticket.application.feedback.FeedbackSettingsManagement;
import io.touchpoint.ticket.application.feedback.FeedbackSettingsManagement.ReplaceFeedbackSettings;
import io.touchpoint.ticket.domain.feedback.FeedbackSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/tickets/feedback-settings}: which ratings are low, and what a low rating of a ticket does: {@code reopen}
 * the resolved ticket (the default), {@code escalate} it as well, or {@code none}. A tenant that never saved settings
 * reads the defaults at version 0.
 */
@RestController
@RequestMapping("/v1/tickets/feedback-settings")
class FeedbackSettingsController {

    private final FeedbackSettingsManagement settings;

    FeedbackSettingsController(FeedbackSettingsManagement settings) {
        this.settings = settings;
    }

    @GetMapping
    ResponseEntity<FeedbackSettingsResponse> get(TenantContext tenant) {
        FeedbackSettings current = settings.get(tenant.tenantId());
        return ResponseEntity.ok().eTag(ETags.of(current.version())).body(FeedbackSettingsResponse.of(current));
    }

    @PutMapping
    ResponseEntity<FeedbackSettingsResponse> replace(
            TenantContext tenant,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody ReplaceFeedbackSettingsRequest request) {
        SettingsScope.requireWrite(tenant);
        FeedbackSettings replaced = settings.replace(
                tenant.tenantId(),
                new ReplaceFeedbackSettings(
                        request.csatLowAtMost(),
                        request.npsLowAtMost(),
                        request.cesLowAtMost(),
                        request.action() != null
                                ? FeedbackSettings.Action.valueOf(
                                        request.action().toUpperCase(Locale.ROOT))
                                : null,
                        request.escalateTo(),
                        request.escalateToTeamId()),
                ETags.version(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(replaced.version())).body(FeedbackSettingsResponse.of(replaced));
    }

    /**
     * The whole settings; a field left out takes its default.
     *
     * @param csatLowAtMost the highest low CSAT score, 0 (none) to 5; default 2
     * @param npsLowAtMost the highest low NPS score, -1 (none) to 10; default 6
     * @param cesLowAtMost the highest low CES score, 0 (none) to 7; default 2
     * @param escalateTo with {@code escalate}: the priority the ticket is raised to (default high)
     * @param escalateToTeamId with {@code escalate}: the team it moves to; absent to keep its team
     */
    record ReplaceFeedbackSettingsRequest(
            Integer csatLowAtMost,
            Integer npsLowAtMost,
            Integer cesLowAtMost,
            @Pattern(regexp = "reopen|escalate|none", message = "must be one of reopen, escalate, none") String action,
            Priority escalateTo,
            @Size(min = 1, max = 128) String escalateToTeamId) {}

    /** @param createdAt absent while the tenant uses the defaults */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FeedbackSettingsResponse(
            int csatLowAtMost,
            int npsLowAtMost,
            int cesLowAtMost,
            String action,
            Priority escalateTo,
            String escalateToTeamId,
            long version,
            Instant createdAt,
            Instant updatedAt) {

        static FeedbackSettingsResponse of(FeedbackSettings settings) {
            return new FeedbackSettingsResponse(
                    settings.csatLowAtMost(),
                    settings.npsLowAtMost(),
                    settings.cesLowAtMost(),
                    settings.action().apiName(),
                    settings.escalateTo(),
                    settings.escalateToTeamId(),
                    settings.version(),
                    settings.createdAt(),
                    settings.updatedAt());
        }
    }
}
