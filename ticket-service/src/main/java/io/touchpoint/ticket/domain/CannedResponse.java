package io.touchpoint.ticket.domain;

import io.touchpoint.events.Actor;
import io.touchpoint.events.MessageContent;
import java.time.Instant;
import java.util.Objects;

/**
 * A reply agents of a tenant reuse, with {@link Placeholders} filled in from the ticket it answers.
 *
 * @param subjectLine the subject of an email reply; absent to keep {@code Re: <ticket title>}
 * @param version incremented on every change; the resource's ETag
 */
public record CannedResponse(
        String id,
        String tenantId,
        String name,
        String subjectLine,
        String text,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static final String ID_PREFIX = "cnr";

    public static final int MAX_NAME_LENGTH = 200;

    public static final int MAX_TEXT_LENGTH = 20_000;

    public CannedResponse {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new InvalidFieldException("name", "must be 1 to " + MAX_NAME_LENGTH + " characters");
        }
        if (text == null || text.isBlank() || text.length() > MAX_TEXT_LENGTH) {
            throw new InvalidFieldException("text", "must be 1 to " + MAX_TEXT_LENGTH + " characters");
        }
        Placeholders.check(subjectLine, "subjectLine");
        Placeholders.check(text, "text");
    }

    /** The reply this response makes on {@code ticket}, written by {@code agent}. */
    public MessageContent render(Ticket ticket, Actor agent) {
        return new MessageContent(
                Placeholders.render(subjectLine, ticket, agent),
                Placeholders.render(text, ticket, agent),
                null,
                java.util.List.of());
    }
}
