package io.touchpoint.ticket.web.routing;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.touchpoint.events.Channel;
import io.touchpoint.events.ticket.Priority;
import io.touchpoint.tenancy.TenantContext;
import io.touchpoint.ticket.application.routing.RoutingSettingsManagement;
import io.touchpoint.ticket.domain.Ids;
import io.touchpoint.ticket.domain.routing.RoutingSettings;
import io.touchpoint.ticket.domain.routing.Schedule;
import io.touchpoint.ticket.domain.routing.TriageActions;
import io.touchpoint.ticket.domain.routing.TriageConditions;
import io.touchpoint.ticket.domain.routing.TriageRule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/tickets/routing-settings}: whether the bot answers new conversations first, the default team, and the
 * ordered triage rules applied to the message that opens a ticket. A tenant that never saved settings routes nothing
 * (version 0). Replacing them needs {@code tickets:write}.
 */
@RestController
@RequestMapping("/v1/tickets/routing-settings")
class RoutingSettingsController {

    private static final String TIME = "([01][0-9]|2[0-3]):[0-5][0-9]";

    private static final String DAY = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";

    private final RoutingSettingsManagement settings;

    RoutingSettingsController(RoutingSettingsManagement settings) {
        this.settings = settings;
    }

    @GetMapping
    ResponseEntity<RoutingSettingsResponse> get(TenantContext tenant) {
        RoutingSettings current = settings.get(tenant.tenantId());
        return ResponseEntity.ok().eTag(RoutingWeb.etag(current.version())).body(RoutingSettingsResponse.of(current));
    }

    /** Replaces the settings; rules without an {@code id} get one, rules with one keep it. */
    @PutMapping
    ResponseEntity<RoutingSettingsResponse> replace(
            TenantContext tenant,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody ReplaceRoutingSettingsRequest request) {
        RoutingWeb.requireAdmin(tenant);
        List<TriageRule> rules = request.triageRules() == null
                ? List.of()
                : request.triageRules().stream().map(TriageRuleRequest::toRule).toList();
        RoutingSettings replaced = settings.replace(
                tenant.tenantId(),
                Boolean.TRUE.equals(request.botFirst()),
                request.defaultTeamId(),
                rules,
                RoutingWeb.version(ifMatch));
        return ResponseEntity.ok().eTag(RoutingWeb.etag(replaced.version())).body(RoutingSettingsResponse.of(replaced));
    }

    /**
     * @param botFirst whether the bot answers a new conversation first (default false)
     * @param defaultTeamId the team a ticket goes to when no rule names one
     * @param triageRules applied in order to the message that opens a ticket
     */
    record ReplaceRoutingSettingsRequest(
            Boolean botFirst,
            @Pattern(regexp = RoutingWeb.ID) String defaultTeamId,
            @Size(max = RoutingSettings.MAX_RULES) List<@NotNull @Valid TriageRuleRequest> triageRules) {}

    record TriageRuleRequest(
            @Pattern(regexp = "trr_[A-Za-z0-9_-]{1,64}") String id,
            @NotBlank @Size(max = TriageRule.MAX_NAME_LENGTH) String name,
            @Valid ConditionsJson when,
            @NotNull @Valid ActionsJson then) {

        TriageRule toRule() {
            return new TriageRule(
                    id != null ? id : Ids.next(TriageRule.ID_PREFIX),
                    name,
                    when != null ? when.toConditions() : TriageConditions.ANY,
                    then.toActions());
        }
    }

    /**
     * When a rule applies; every condition given must hold.
     *
     * @param textContains words or phrases, matched case-insensitively as whole words (any of them)
     * @param textMatches a regular expression found anywhere in the text, case-insensitive
     * @param customerHandles email addresses, phone numbers or channel ids, such as a VIP list (any of them)
     * @param languages language tags; a message in any of them (by primary subtag) matches
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record ConditionsJson(
            @Size(max = 10) List<@NotNull Channel> channels,
            @Size(max = TriageConditions.MAX_WORDS) List<@NotBlank @Size(max = 320) String> textContains,
            @Size(max = TriageConditions.MAX_PATTERN_LENGTH) String textMatches,
            @Size(max = TriageConditions.MAX_HANDLES) List<@NotBlank @Size(max = 320) String> customerHandles,
            @Size(max = 50) List<@NotBlank @Size(max = 35) String> languages,
            @Valid ScheduleJson schedule) {

        TriageConditions toConditions() {
            return new TriageConditions(
                    channels != null && !channels.isEmpty() ? EnumSet.copyOf(channels) : Set.of(),
                    textContains,
                    textMatches,
                    customerHandles,
                    languages,
                    schedule != null ? schedule.toSchedule() : null);
        }

        static ConditionsJson of(TriageConditions when) {
            return new ConditionsJson(
                    when.channels().stream().sorted().toList(),
                    when.textContains(),
                    when.textMatches(),
                    when.customerHandles(),
                    when.languages(),
                    when.schedule() != null ? ScheduleJson.of(when.schedule()) : null);
        }
    }

    /**
     * Weekdays and hours in an IANA time zone; an end before the start spans midnight.
     *
     * @param days lower-case weekday names; every day when absent
     * @param from {@code HH:mm}, inclusive; midnight when absent
     * @param to {@code HH:mm}, exclusive; equal to {@code from} for the whole day
     * @param outside whether the rule applies outside these hours instead
     */
    record ScheduleJson(
            @NotBlank @Size(max = 64) String timeZone,
            @Size(max = 7)
                    List<@NotNull @Pattern(regexp = DAY, message = "must be a weekday, e.g. monday") String> days,
            @Pattern(regexp = TIME, message = "must be HH:mm") String from,
            @Pattern(regexp = TIME, message = "must be HH:mm") String to,
            Boolean outside) {

        Schedule toSchedule() {
            return new Schedule(
                    timeZone,
                    days != null
                            ? days.stream()
                                    .map(day -> DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT)))
                                    .collect(Collectors.toSet())
                            : Set.of(),
                    from != null ? LocalTime.parse(from) : null,
                    to != null ? LocalTime.parse(to) : null,
                    Boolean.TRUE.equals(outside));
        }

        static ScheduleJson of(Schedule schedule) {
            return new ScheduleJson(
                    schedule.timeZone(),
                    schedule.days().stream()
                            .sorted()
                            .map(day -> day.name().toLowerCase(Locale.ROOT))
                            .toList(),
                    schedule.from().toString(),
                    schedule.to().toString(),
                    schedule.outside());
        }
    }

    /**
     * What a rule does.
     *
     * @param tags added to the ticket
     * @param teamId the team whose queue the ticket goes to when a person takes it
     * @param skills the agent needs these, besides those the ticket's tags call for
     * @param escalate whether the ticket skips the bot and goes to a person at once
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ActionsJson(
            Priority priority,
            @Size(max = 20) List<@NotBlank @Size(max = 64) String> tags,
            @Pattern(regexp = RoutingWeb.ID) String teamId,
            @Size(max = 20) List<@NotBlank @Size(max = 64) String> skills,
            Boolean escalate) {

        TriageActions toActions() {
            return new TriageActions(priority, tags, teamId, skills, Boolean.TRUE.equals(escalate));
        }

        static ActionsJson of(TriageActions then) {
            return new ActionsJson(then.priority(), then.tags(), then.teamId(), then.skills(), then.escalate());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RoutingSettingsResponse(
            boolean botFirst,
            String defaultTeamId,
            List<RuleResponse> triageRules,
            long version,
            Instant createdAt,
            Instant updatedAt) {

        static RoutingSettingsResponse of(RoutingSettings settings) {
            return new RoutingSettingsResponse(
                    settings.botFirst(),
                    settings.defaultTeamId(),
                    settings.triageRules().stream().map(RuleResponse::of).toList(),
                    settings.version(),
                    settings.createdAt(),
                    settings.updatedAt());
        }
    }

    record RuleResponse(String id, String name, ConditionsJson when, ActionsJson then) {

        static RuleResponse of(TriageRule rule) {
            return new RuleResponse(
                    rule.id(), rule.name(), ConditionsJson.of(rule.when()), ActionsJson.of(rule.then()));
        }
    }
}
