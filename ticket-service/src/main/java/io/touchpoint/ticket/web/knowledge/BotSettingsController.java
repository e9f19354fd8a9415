package io.touchpoint.ticket.web.knowledge;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.touchpoint.starter.problem.ProblemException;
import io.touchpoint.tenancy.TenantContext;
import io.touchpoint.ticket.application.knowledge.BotSettingsManagement;
import io.touchpoint.ticket.application.knowledge.BotSettingsManagement.ReplaceBotSettings;
import io.touchpoint.ticket.domain.knowledge.BotSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/tickets/bot-settings}: how the tenant's bot answers and acknowledges customers. A tenant that never saved
 * settings reads the defaults at version 0. Changing them needs {@code tickets:write}: an {@code agent} key, which the
 * gateway lets write tickets, may not change what the bot tells every customer.
 */
@RestController
@RequestMapping("/v1/tickets/bot-settings")
class BotSettingsController {

    static final String WRITE_SCOPE = "tickets:write";

    private static final Duration MAX_RESPONSE_TIME = Duration.ofDays(30);

    private final BotSettingsManagement settings;

    BotSettingsController(BotSettingsManagement settings) {
        this.settings = settings;
    }

    @GetMapping
    ResponseEntity<BotSettingsResponse> get(TenantContext tenant) {
        BotSettings current = settings.get(tenant.tenantId());
        return ResponseEntity.ok().eTag(ETags.of(current.version())).body(BotSettingsResponse.of(current));
    }

    @PutMapping
    ResponseEntity<BotSettingsResponse> replace(
            TenantContext tenant,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody ReplaceBotSettingsRequest request) {
        if (!tenant.hasScope(WRITE_SCOPE)) {
            throw new ProblemException(
                    HttpStatus.FORBIDDEN, "insufficient_scope", "This needs the scope " + WRITE_SCOPE + ".");
        }
        Duration responseTime = request.expectedResponseTime();
        if (responseTime != null
                && (responseTime.isNegative()
                        || responseTime.isZero()
                        || responseTime.compareTo(MAX_RESPONSE_TIME) > 0)) {
            throw new ProblemException(
                    HttpStatus.BAD_REQUEST,
                    "invalid_bot_settings",
                    "expectedResponseTime must be positive and at most 30 days (P30D).");
        }
        BotSettings replaced = settings.replace(
                tenant.tenantId(),
                new ReplaceBotSettings(
                        request.enabled(),
                        request.confidenceThreshold(),
                        responseTime,
                        request.acknowledgements(),
                        request.escalationPhrases()),
                ETags.version(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(replaced.version())).body(BotSettingsResponse.of(replaced));
    }

    /**
     * The whole settings; a field left out takes its default.
     *
     * @param confidenceThreshold 0 to 1: the lowest search confidence the bot answers with
     * @param expectedResponseTime ISO 8601 ({@code PT4H}): what acknowledgements promise unless the ticket's SLA
     *     says otherwise
     * @param acknowledgements templates by language; {@code {{expectedResponseTime}}} is replaced with the time in
     *     that language ("4 hours", "4 Stunden")
     * @param escalationPhrases by language: words and phrases with which customers ask for a person
     */
    record ReplaceBotSettingsRequest(
            Boolean enabled,
            @DecimalMin("0.0") @DecimalMax("1.0") Double confidenceThreshold,
            Duration expectedResponseTime,
            @Size(max = 50) Map<@NotNull @LanguageTag String, @NotBlank @Size(max = 1000) String> acknowledgements,
            @Size(max = 50)
                    Map<@NotNull @LanguageTag String, @NotNull @Size(max = 100) List<@NotBlank @Size(max = 100) String>>
                            escalationPhrases) {}

    /** @param createdAt absent while the tenant uses the defaults */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BotSettingsResponse(
            boolean enabled,
            double confidenceThreshold,
            String expectedResponseTime,
            Map<String, String> acknowledgements,
            Map<String, List<String>> escalationPhrases,
            long version,
            Instant createdAt,
            Instant updatedAt) {

        static BotSettingsResponse of(BotSettings settings) {
            return new BotSettingsResponse(
                    settings.enabled(),
                    settings.confidenceThreshold(),
                    settings.expectedResponseTime().toString(),
                    settings.acknowledgements(),
                    settings.escalationPhrases().asMap(),
                    settings.version(),
                    settings.createdAt(),
                    settings.updatedAt());
        }
    }
}
