package io.touchpoint.channel.application.webchat;

import io.touchpoint.channel.domain.webchat.ChatEvent;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The event streams of web chat conversations, shared by every replica. A conversation's events are numbered 1, 2, 3,
 * … and the numbers stored are always a gap-free prefix, so a reader that has seen {@code n} knows the next one to ask
 * for is {@code n + 1}.
 */
public interface ChatEventStore {

    /**
     * Stores {@code body} as the conversation's next event, unless the conversation already has an event with
     * {@code dedupeKey} (null for none): appending the same agent reply or visitor message twice stores it once.
     */
    Appended append(String tenantId, String conversationId, ChatEvent.Body body, String dedupeKey, Instant at);

    /** The events after {@code after} in sequence order, at most {@code limit}, without gaps. */
    List<ChatEvent> after(String conversationId, long after, int limit);

    /** Which of {@code keys} ({@link ChatEvent#key()}) name stored events. */
    Set<String> existing(Collection<String> keys);

    /**
     * The outcome of {@link #append}.
     *
     * @param created false when the event had been appended before and {@code event} is that one
     */
    record Appended(ChatEvent event, boolean created) {}
}
