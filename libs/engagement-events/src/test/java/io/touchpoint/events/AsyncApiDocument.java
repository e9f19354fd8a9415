package io.touchpoint.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads what asyncapi.yaml declares, for comparison with {@link EventType}. */
final class AsyncApiDocument {

    static final String RESOURCE = "/io/touchpoint/events/asyncapi.yaml";

    private final JsonNode root;

    AsyncApiDocument(JsonNode root) {
        this.root = root;
    }

    static AsyncApiDocument load() {
        return new AsyncApiDocument(YAMLMapper.builder().build().readTree(Contract.bytes(RESOURCE)));
    }

    JsonNode root() {
        return this.root;
    }

    /** Channels by address (the routing key). */
    Map<String, JsonNode> channelsByAddress() {
        Map<String, JsonNode> channels = new LinkedHashMap<>();
        this.root
                .path("channels")
                .values()
                .forEach((channel) -> channels.put(channel.path("address").asString(), channel));
        return channels;
    }

    /** Messages by name (the CloudEvents type). */
    Map<String, JsonNode> messagesByName() {
        Map<String, JsonNode> messages = new LinkedHashMap<>();
        this.root
                .path("components")
                .path("messages")
                .values()
                .forEach((message) -> messages.put(message.path("name").asString(), message));
        return messages;
    }

    /** Follows a local reference such as {@code #/components/messages/ticketEscalated}. */
    JsonNode resolve(JsonNode reference) {
        String ref = reference.path("$ref").asString();
        if (!ref.startsWith("#/")) {
            throw new IllegalArgumentException("not a local reference: " + ref);
        }
        return this.root.at(ref.substring(1));
    }

    /** What the document names that the contract does not define, and what it leaves out. */
    static Drift drift(Set<String> defined, Set<String> documented) {
        Set<String> missing = new TreeSet<>(defined);
        missing.removeAll(documented);
        Set<String> extra = new TreeSet<>(documented);
        extra.removeAll(defined);
        return new Drift(missing, extra);
    }

    record Drift(Set<String> missing, Set<String> extra) {

        boolean none() {
            return this.missing.isEmpty() && this.extra.isEmpty();
        }
    }
}
