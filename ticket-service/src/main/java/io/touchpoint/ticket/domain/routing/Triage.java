package io.touchpoint.ticket.domain.routing;

import io.touchpoint.events.interaction.InteractionReceived;
import io.touchpoint.events.ticket.Priority;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What a tenant's triage rules make of the message that opened a ticket. Every rule that applies counts, in order: the
 * first to set a priority or a team sets it, tags and skills add up, and the ticket goes to a person at once if any
 * says so.
 *
 * @param teamRuleId the rule that chose the team, if one did
 * @param escalateRuleId the first rule that sent the ticket to a person at once, if one did
 * @param ruleIds every rule that applied, in order
 */
public record Triage(
        Priority priority,
        List<String> tags,
        String teamId,
        String teamRuleId,
        List<String> skills,
        String escalateRuleId,
        List<String> ruleIds) {

    public static final Triage NONE = new Triage(null, List.of(), null, null, List.of(), null, List.of());

    public Triage {
        tags = List.copyOf(tags);
        skills = List.copyOf(skills);
        ruleIds = List.copyOf(ruleIds);
    }

    public static Triage of(List<TriageRule> rules, InteractionReceived message) {
        Priority priority = null;
        String teamId = null;
        String teamRuleId = null;
        String escalateRuleId = null;
        TreeSet<String> tags = new TreeSet<>();
        TreeSet<String> skills = new TreeSet<>();
        List<String> applied = new ArrayList<>();
        for (TriageRule rule : rules) {
            if (!rule.appliesTo(message)) {
                continue;
            }
            applied.add(rule.id());
            TriageActions then = rule.then();
            if (priority == null) {
                priority = then.priority();
            }
            if (teamId == null && then.teamId() != null) {
                teamId = then.teamId();
                teamRuleId = rule.id();
            }
            if (escalateRuleId == null && then.escalate()) {
                escalateRuleId = rule.id();
            }
            tags.addAll(then.tags());
            skills.addAll(then.skills());
        }
        return new Triage(
                priority, List.copyOf(tags), teamId, teamRuleId, List.copyOf(skills), escalateRuleId, applied);
    }

    public boolean escalates() {
        return escalateRuleId != null;
    }
}
