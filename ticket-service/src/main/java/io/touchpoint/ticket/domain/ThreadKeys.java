package io.touchpoint.ticket.domain;

import io.touchpoint.events.Handle;
import io.touchpoint.events.interaction.InteractionReceived;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keys that thread an inbound message into a ticket, in the order they are trusted: the channel's conversation,
 * then the emails it answers (newest first), then the sender on the same connection.
 */
public final class ThreadKeys {

    /** Enough for any real {@code References} header; a longer one is cut, not trusted. */
    static final int MAX_EMAIL_KEYS = 40;

    private static final Pattern REPLY_ID = Pattern.compile("rpl_[0-9a-z]{26}(?![0-9a-z])");

    private ThreadKeys() {}

    /** The keys to look the message's ticket up by, most trusted first. */
    public static List<ThreadKey> lookups(InteractionReceived message) {
        Set<ThreadKey> keys = new LinkedHashSet<>();
        conversation(message).ifPresent(keys::add);
        List<String> answered = new ArrayList<>();
        if (message.thread().inReplyTo() != null) {
            answered.add(message.thread().inReplyTo());
        }
        List<String> references = new ArrayList<>(message.thread().references());
        java.util.Collections.reverse(references);
        answered.addAll(references);
        for (String id : answered.subList(0, Math.min(answered.size(), MAX_EMAIL_KEYS))) {
            String normalized = normalizeMessageId(id);
            if (normalized.isEmpty()) {
                continue;
            }
            keys.add(new ThreadKey(ThreadKey.Kind.EMAIL, normalized));
            Matcher reply = REPLY_ID.matcher(normalized);
            if (reply.find()) {
                keys.add(new ThreadKey(ThreadKey.Kind.REPLY, reply.group()));
            }
        }
        keys.add(handle(message));
        return List.copyOf(keys);
    }

    /**
     * The key a new ticket for the message is claimed by, so that concurrent messages of one conversation open one
     * ticket: the channel's conversation when it names one, else the sender on the connection.
     */
    public static ThreadKey primary(InteractionReceived message) {
        return conversation(message).orElseGet(() -> handle(message));
    }

    /** The keys that lead to the ticket a message joined, for the messages that follow it. */
    public static List<ThreadKey> owned(InteractionReceived message, Ticket ticket) {
        return owned(message, ticket.conversationId());
    }

    /**
     * The keys besides the {@link #primary primary} one that can point at {@code ticketId}, a ticket the message is
     * about to open, in the same write that claims the primary key: those no other message can name before the ticket
     * exists (its own conversation and Message-ID). The sender's handle is not among them (unless it is the primary
     * key), so a message from the same sender is never led to a ticket that is not there yet.
     */
    public static List<ThreadKey> claimedWith(InteractionReceived message, String ticketId) {
        ThreadKey primary = primary(message);
        return owned(message, Ticket.conversationIdFor(ticketId, message)).stream()
                .filter(key -> !key.equals(primary) && key.kind() != ThreadKey.Kind.HANDLE)
                .toList();
    }

    private static List<ThreadKey> owned(InteractionReceived message, String conversationId) {
        Set<ThreadKey> keys = new LinkedHashSet<>();
        conversation(message).ifPresent(keys::add);
        keys.add(new ThreadKey(ThreadKey.Kind.CONVERSATION, conversationId));
        String emailId = message.thread().emailMessageId();
        if (emailId != null && !normalizeMessageId(emailId).isEmpty()) {
            keys.add(new ThreadKey(ThreadKey.Kind.EMAIL, normalizeMessageId(emailId)));
        }
        keys.add(handle(message));
        return List.copyOf(keys);
    }

    public static ThreadKey reply(String replyId) {
        return new ThreadKey(ThreadKey.Kind.REPLY, replyId);
    }

    static ThreadKey handle(InteractionReceived message) {
        Handle customer = message.customer();
        String value = customer.kind() == Handle.Kind.EMAIL
                ? customer.value().trim().toLowerCase(Locale.ROOT)
                : customer.value().trim();
        String kind =
                customer.kind() == null ? "unknown" : customer.kind().name().toLowerCase(Locale.ROOT);
        return new ThreadKey(ThreadKey.Kind.HANDLE, message.connectionId() + "|" + kind + "|" + value);
    }

    /** {@code <Abc@Example.com>} → {@code abc@example.com}: clients differ in brackets, spaces and case. */
    static String normalizeMessageId(String id) {
        String trimmed = id.trim();
        if (trimmed.startsWith("<") && trimmed.endsWith(">")) {
            trimmed = trimmed.substring(1, trimmed.length() - 1).trim();
        }
        return trimmed.toLowerCase(Locale.ROOT);
    }

    private static java.util.Optional<ThreadKey> conversation(InteractionReceived message) {
        String id = message.thread().conversationId();
        return id == null || id.isBlank()
                ? java.util.Optional.empty()
                : java.util.Optional.of(new ThreadKey(ThreadKey.Kind.CONVERSATION, id.trim()));
    }
}
