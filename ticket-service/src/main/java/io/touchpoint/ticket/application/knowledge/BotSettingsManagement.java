package io.touchpoint.ticket.application.knowledge;

import io.touchpoint.starter.problem.PreconditionFailedException;
import io.touchpoint.starter.problem.ProblemException;
import io.touchpoint.ticket.domain.knowledge.BotSettings;
import io.touchpoint.ticket.domain.knowledge.EscalationPhrases;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Reading and replacing a tenant's bot settings; a tenant that never saved any has {@link BotSettings#defaults}. */
@Service
public class BotSettingsManagement {

    private final BotSettingsStore store;

    private final Clock clock;

    public BotSettingsManagement(BotSettingsStore store, ObjectProvider<Clock> clock) {
        this.store = store;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    public BotSettings get(String tenantId) {
        return store.find(tenantId).orElseGet(() -> BotSettings.defaults(tenantId));
    }

    /**
     * Replaces the settings; fields left null take their defaults.
     *
     * @param expectedVersion the version the caller read ({@code If-Match}; 0 for the defaults), or null to replace
     *     whatever is stored
     */
    public BotSettings replace(String tenantId, ReplaceBotSettings command, Long expectedVersion) {
        BotSettings current = get(tenantId);
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new PreconditionFailedException(
                    "The bot settings are at version " + current.version() + ", not " + expectedVersion + ".");
        }
        var now = clock.instant();
        BotSettings defaults = BotSettings.defaults(tenantId);
        BotSettings replaced;
        try {
            replaced = new BotSettings(
                    tenantId,
                    command.enabled() != null ? command.enabled() : defaults.enabled(),
                    command.confidenceThreshold() != null
                            ? command.confidenceThreshold()
                            : defaults.confidenceThreshold(),
                    command.expectedResponseTime() != null
                            ? command.expectedResponseTime()
                            : defaults.expectedResponseTime(),
                    command.acknowledgements() != null ? command.acknowledgements() : defaults.acknowledgements(),
                    command.escalationPhrases() != null
                            ? EscalationPhrases.of(command.escalationPhrases())
                            : defaults.escalationPhrases(),
                    current.version() + 1,
                    current.createdAt() != null ? current.createdAt() : now,
                    now);
        } catch (IllegalArgumentException invalid) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid_bot_settings", invalid.getMessage() + ".");
        }
        if (!store.save(replaced, current.version())) {
            throw new PreconditionFailedException("The bot settings changed while they were being written.");
        }
        return replaced;
    }

    /** New bot settings; see {@link BotSettings} for each field. */
    public record ReplaceBotSettings(
            Boolean enabled,
            Double confidenceThreshold,
            Duration expectedResponseTime,
            Map<String, String> acknowledgements,
            Map<String, List<String>> escalationPhrases) {}
}
