package io.touchpoint.ticket.persistence.routing;

import io.touchpoint.events.Channel;
import io.touchpoint.events.ticket.Priority;
import io.touchpoint.ticket.domain.routing.RoutingSettings;
import io.touchpoint.ticket.domain.routing.Schedule;
import io.touchpoint.ticket.domain.routing.TriageActions;
import io.touchpoint.ticket.domain.routing.TriageConditions;
import io.touchpoint.ticket.domain.routing.TriageRule;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A tenant's routing settings as stored, under the tenant's id; times as {@code HH:mm}, days by name. */
@Document(RoutingSettingsDocument.COLLECTION)
record RoutingSettingsDocument(
        @Id String tenantId,
        boolean botFirst,
        String defaultTeamId,
        List<Rule> triageRules,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    static final String COLLECTION = "routing_settings";

    static RoutingSettingsDocument of(RoutingSettings settings) {
        return new RoutingSettingsDocument(
                settings.tenantId(),
                settings.botFirst(),
                settings.defaultTeamId(),
                settings.triageRules().stream().map(Rule::of).toList(),
                settings.version(),
                settings.createdAt(),
                settings.updatedAt());
    }

    RoutingSettings toSettings() {
        return new RoutingSettings(
                tenantId,
                botFirst,
                defaultTeamId,
                triageRules != null ? triageRules.stream().map(Rule::toRule).toList() : List.of(),
                version,
                createdAt,
                updatedAt);
    }

    record Rule(
            String id,
            String name,
            Set<Channel> channels,
            List<String> textContains,
            String textMatches,
            List<String> customerHandles,
            List<String> languages,
            Hours schedule,
            Priority priority,
            List<String> tags,
            String teamId,
            List<String> skills,
            boolean escalate) {

        static Rule of(TriageRule rule) {
            TriageConditions when = rule.when();
            TriageActions then = rule.then();
            return new Rule(
                    rule.id(),
                    rule.name(),
                    when.channels(),
                    when.textContains(),
                    when.textMatches(),
                    when.customerHandles(),
                    when.languages(),
                    when.schedule() != null ? Hours.of(when.schedule()) : null,
                    then.priority(),
                    then.tags(),
                    then.teamId(),
                    then.skills(),
                    then.escalate());
        }

        TriageRule toRule() {
            return new TriageRule(
                    id,
                    name,
                    new TriageConditions(
                            channels,
                            textContains,
                            textMatches,
                            customerHandles,
                            languages,
                            schedule != null ? schedule.toSchedule() : null),
                    new TriageActions(priority, tags, teamId, skills, escalate));
        }
    }

    record Hours(String timeZone, List<String> days, String from, String to, boolean outside) {

        static Hours of(Schedule schedule) {
            return new Hours(
                    schedule.timeZone(),
                    schedule.days().stream().sorted().map(DayOfWeek::name).toList(),
                    schedule.from().toString(),
                    schedule.to().toString(),
                    schedule.outside());
        }

        Schedule toSchedule() {
            return new Schedule(
                    timeZone,
                    days != null ? days.stream().map(DayOfWeek::valueOf).collect(Collectors.toSet()) : Set.of(),
                    LocalTime.parse(from),
                    LocalTime.parse(to),
                    outside);
        }
    }
}
