package io.touchpoint.ticket.domain.routing;

import io.touchpoint.events.interaction.InteractionReceived;
import io.touchpoint.ticket.domain.InvalidFieldException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One of a tenant's ordered triage rules: when a customer's message opens a ticket and the conditions hold, the actions
 * apply.
 *
 * @param id {@code trr_…}; named in the events of what the rule caused
 */
public record TriageRule(String id, String name, TriageConditions when, TriageActions then) {

    public static final String ID_PREFIX = "trr";

    public static final int MAX_NAME_LENGTH = 200;

    private static final Pattern ID = Pattern.compile("trr_[A-Za-z0-9_-]{1,64}");

    public TriageRule {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new InvalidFieldException("triageRules.id", "'" + id + "' is not a triage rule id (trr_…)");
        }
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new InvalidFieldException("triageRules.name", "must be 1 to " + MAX_NAME_LENGTH + " characters");
        }
        when = when != null ? when : TriageConditions.ANY;
        Objects.requireNonNull(then, "then");
    }

    public boolean appliesTo(InteractionReceived message) {
        return when.matches(message);
    }
}
