package io.touchpoint.ticket.application.feedback;

import io.touchpoint.events.ticket.Priority;
import io.touchpoint.starter.problem.PreconditionFailedException;
import io.touchpoint.ticket.domain.feedback.FeedbackSettings;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;

/** Reading and replacing a tenant's rule for low ratings; one that never saved any has the defaults. */
@Service
public class FeedbackSettingsManagement {

    private final FeedbackSettingsStore store;

    private final Clock clock;

    public FeedbackSettingsManagement(FeedbackSettingsStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public FeedbackSettings get(String tenantId) {
        return store.find(tenantId).orElseGet(() -> FeedbackSettings.defaults(tenantId));
    }

    /**
     * Replaces the settings; fields left null take their defaults.
     *
     * @param expectedVersion the version the caller read ({@code If-Match}; 0 for the defaults), or null to replace
     *     whatever is stored
     */
    public FeedbackSettings replace(String tenantId, ReplaceFeedbackSettings command, Long expectedVersion) {
        FeedbackSettings current = get(tenantId);
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new PreconditionFailedException(
                    "The feedback settings are at version " + current.version() + ", not " + expectedVersion + ".");
        }
        FeedbackSettings defaults = FeedbackSettings.defaults(tenantId);
        Instant now = clock.instant();
        var replaced = new FeedbackSettings(
                tenantId,
                command.csatLowAtMost() != null ? command.csatLowAtMost() : defaults.csatLowAtMost(),
                command.npsLowAtMost() != null ? command.npsLowAtMost() : defaults.npsLowAtMost(),
                command.cesLowAtMost() != null ? command.cesLowAtMost() : defaults.cesLowAtMost(),
                command.action() != null ? command.action() : defaults.action(),
                command.escalateTo(),
                command.escalateToTeamId(),
                current.version() + 1,
                current.createdAt() != null ? current.createdAt() : now,
                now);
        if (!store.save(replaced, current.version())) {
            throw new PreconditionFailedException("The feedback settings changed while they were being written.");
        }
        return replaced;
    }

    /** New feedback settings; see {@link FeedbackSettings} for each field. */
    public record ReplaceFeedbackSettings(
            Integer csatLowAtMost,
            Integer npsLowAtMost,
            Integer cesLowAtMost,
            FeedbackSettings.Action action,
            Priority escalateTo,
            String escalateToTeamId) {}
}
