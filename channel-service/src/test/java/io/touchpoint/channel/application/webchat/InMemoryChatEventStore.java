package io.touchpoint.channel.application.webchat;

import io.touchpoint.channel.domain.webchat.ChatEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A {@link ChatEventStore} in memory that appends the way the MongoDB one does, by claiming the next free key; it
 * ignores dedupe keys.
 */
class InMemoryChatEventStore implements ChatEventStore {

    private final Map<String, ChatEvent> events = new ConcurrentHashMap<>();

    @Override
    public Appended append(String tenantId, String conversationId, ChatEvent.Body body, String dedupeKey, Instant at) {
        for (long sequence = 1; ; sequence++) {
            var event = new ChatEvent(conversationId, sequence, at, body);
            if (events.putIfAbsent(event.key(), event) == null) {
                return new Appended(event, true);
            }
        }
    }

    @Override
    public List<ChatEvent> after(String conversationId, long after, int limit) {
        List<ChatEvent> found = new ArrayList<>();
        for (long sequence = after + 1; sequence <= after + limit; sequence++) {
            ChatEvent event = events.get(ChatEvent.key(conversationId, sequence));
            if (event == null) {
                break;
            }
            found.add(event);
        }
        return found;
    }

    @Override
    public Set<String> existing(Collection<String> keys) {
        return keys.stream().filter(events::containsKey).collect(Collectors.toSet());
    }
}
