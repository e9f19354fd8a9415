package io.touchpoint.ticket.domain.feedback;

import io.touchpoint.events.survey.SurveyKind;
import io.touchpoint.events.ticket.Priority;
import io.touchpoint.ticket.domain.InvalidFieldException;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A tenant's rule for low ratings: which scores count as low per survey kind, and what a low rating of a ticket does.
 * A tenant that never saved settings has {@link #defaults}: CSAT 2 or less of 5, NPS 6 or less (a detractor), CES 2
 * or less of 7 reopen the resolved ticket.
 *
 * @param csatLowAtMost the highest CSAT score (1–5) that is low; 0 for none
 * @param npsLowAtMost the highest NPS score (0–10) that is low; -1 for none
 * @param cesLowAtMost the highest CES score (1–7, 7 easiest) that is low; 0 for none
 * @param escalateTo with {@link Action#ESCALATE}, the lowest priority the ticket has afterwards
 * @param escalateToTeamId with {@link Action#ESCALATE}, the team the ticket moves to; null to keep its team
 * @param version 0 for the defaults, then incremented by every change
 * @param createdAt absent for the defaults
 */
public record FeedbackSettings(
        String tenantId,
        int csatLowAtMost,
        int npsLowAtMost,
        int cesLowAtMost,
        Action action,
        Priority escalateTo,
        String escalateToTeamId,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public FeedbackSettings {
        Objects.requireNonNull(tenantId, "tenantId");
        requireScale("csatLowAtMost", csatLowAtMost, SurveyKind.CSAT);
        requireScale("npsLowAtMost", npsLowAtMost, SurveyKind.NPS);
        requireScale("cesLowAtMost", cesLowAtMost, SurveyKind.CES);
        if (action == null) {
            throw new InvalidFieldException("action", "must be one of reopen, escalate, none");
        }
        escalateTo = escalateTo != null ? escalateTo : Priority.HIGH;
        if (escalateToTeamId != null && (escalateToTeamId.isBlank() || escalateToTeamId.length() > 128)) {
            throw new InvalidFieldException("escalateToTeamId", "must be 1 to 128 characters");
        }
    }

    public static FeedbackSettings defaults(String tenantId) {
        return new FeedbackSettings(tenantId, 2, 6, 2, Action.REOPEN, Priority.HIGH, null, 0, null, null);
    }

    /** Whether {@code score} on a {@code kind} survey is low. */
    public boolean isLow(SurveyKind kind, int score) {
        return switch (kind) {
            case CSAT -> score <= csatLowAtMost;
            case NPS -> score <= npsLowAtMost;
            case CES -> score <= cesLowAtMost;
        };
    }

    private static void requireScale(String field, int lowAtMost, SurveyKind kind) {
        if (lowAtMost < kind.minScore() - 1 || lowAtMost > kind.maxScore()) {
            throw new InvalidFieldException(
                    field,
                    "must be " + (kind.minScore() - 1) + " (no score is low) to " + kind.maxScore() + " on the "
                            + kind.name().toLowerCase(Locale.ROOT) + " scale");
        }
    }

    /** What a low rating of a ticket does. */
    public enum Action {
        /** A resolved ticket opens again, for an agent to follow up. */
        REOPEN,
        /** A resolved ticket opens again, and the ticket is escalated (priority, team). */
        ESCALATE,
        /** Nothing: the rating is only reported. */
        NONE;

        public String apiName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
