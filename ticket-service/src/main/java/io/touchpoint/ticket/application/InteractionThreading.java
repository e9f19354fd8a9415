package io.touchpoint.ticket.application;

import io.micrometer.core.instrument.MeterRegistry;
import io.touchpoint.events.interaction.InteractionReceived;
import io.touchpoint.events.ticket.TicketReopened;
import io.touchpoint.ticket.config.ThreadingProperties;
import io.touchpoint.ticket.domain.Ids;
import io.touchpoint.ticket.domain.ThreadKey;
import io.touchpoint.ticket.domain.ThreadKeys;
import io.touchpoint.ticket.domain.Ticket;
import io.touchpoint.ticket.domain.TicketChange;
import io.touchpoint.ticket.domain.TicketMessage;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Threads each inbound customer message into the ticket it belongs to, or opens one.
 *
 * <p>The message's {@link ThreadKeys} are looked up in priority order; the first that leads to a ticket taking the
 * message wins. If none does, a new ticket id is claimed for the message's primary key with one atomic write on the
 * key's unique id: of several replicas racing for a new conversation, one claim wins and the others read the
 * winner's ticket id. Whoever finds a claimed ticket missing creates it under that id (insert by unique id), so a
 * claimer that dies before creating its ticket loses nothing. The message is then applied to the ticket with a write
 * conditional on its version and on the message not having been applied, and stored by its own id: delivering the
 * same message twice changes nothing.
 */
@Service
public class InteractionThreading {

    static final int MAX_ATTEMPTS = 10;

    static final int MAX_MERGE_HOPS = 10;

    private static final Logger log = LoggerFactory.getLogger(InteractionThreading.class);

    private final TicketStore tickets;

    private final ThreadKeyStore keys;

    private final TicketMessageStore messages;

    private final ThreadingProperties properties;

    private final Clock clock;

    private final MeterRegistry meters;

    public InteractionThreading(
            TicketStore tickets,
            ThreadKeyStore keys,
            TicketMessageStore messages,
            ThreadingProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.tickets = tickets;
        this.keys = keys;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    /** Puts {@code message} on its ticket, opening one if needed; a message threaded before changes nothing. */
    public Threaded thread(String tenantId, InteractionReceived message) {
        Optional<String> stored = messages.ticketOf(tenantId, message.interactionId());
        if (stored.isPresent()) {
            return count(new Threaded(stored.get(), Outcome.DUPLICATE, null));
        }
        Threaded threaded = new Run(tenantId, message).thread();
        log.info(
                "interaction {} on {} threaded into ticket {} ({}) for tenant {}",
                message.interactionId(),
                message.connectionId(),
                threaded.ticketId(),
                threaded.outcome().tag(),
                tenantId);
        return count(threaded);
    }

    /** Threading one message. */
    private final class Run {

        private final String tenantId;

        private final InteractionReceived message;

        private final List<ThreadKey> lookups;

        private String openedHere;

        /** The keys this run pointed at a ticket by its claim, which need no registering. */
        private Set<ThreadKey> claimed = Set.of();

        /** The ticket as this message's update stored it. */
        private Ticket written;

        Run(String tenantId, InteractionReceived message) {
            this.tenantId = tenantId;
            this.message = message;
            this.lookups = ThreadKeys.lookups(message);
        }

        Threaded thread() {
            for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                if (attempt > 0) {
                    meters.counter("touchpoint.ticket.interactions.retries").increment();
                }
                Map<ThreadKey, String> pointers = keys.find(tenantId, lookups);
                Optional<Ticket> ticket = firstTaking(pointers).or(() -> claimNew(pointers));
                if (ticket.isEmpty()) {
                    continue;
                }
                // A ticket opened here was opened with the message on it.
                Optional<Outcome> outcome =
                        ticket.get().id().equals(openedHere) ? Optional.of(Outcome.OPENED) : apply(ticket.get());
                if (outcome.isPresent()) {
                    Ticket joined = written != null ? written : ticket.get();
                    List<ThreadKey> unregistered = ThreadKeys.owned(message, joined).stream()
                            .filter(key -> !pointers.containsKey(key) && !claimed.contains(key))
                            .toList();
                    if (!unregistered.isEmpty()) {
                        keys.register(tenantId, unregistered, joined.id());
                    }
                    messages.saveCustomerMessage(tenantId, TicketMessage.fromCustomer(joined.id(), message));
                    return new Threaded(joined.id(), outcome.get(), outcome.get() == Outcome.DUPLICATE ? null : joined);
                }
            }
            throw new ThreadingContentionException("interaction " + message.interactionId()
                    + " could not be threaded after " + MAX_ATTEMPTS
                    + " attempts; the tickets of its conversation change too fast");
        }

        /** The first ticket a key leads to that takes the message, following merges. */
        private Optional<Ticket> firstTaking(Map<ThreadKey, String> pointers) {
            for (ThreadKey key : lookups) {
                String ticketId = pointers.get(key);
                if (ticketId != null) {
                    Ticket ticket = currentOf(ticketId);
                    if (takes(ticket)) {
                        return Optional.of(ticket);
                    }
                }
            }
            return Optional.empty();
        }

        /**
         * Claims a new ticket for the message's primary key, which leads nowhere or to a ticket that does not take the
         * message, together with the keys only the new ticket can be known by. Returns the ticket the key leads to
         * afterwards, unless that one does not take the message either (then threading starts over).
         */
        private Optional<Ticket> claimNew(Map<ThreadKey, String> pointers) {
            String fresh = Ids.next(Ticket.ID_PREFIX);
            ThreadKey primary = ThreadKeys.primary(message);
            List<ThreadKey> companions = ThreadKeys.claimedWith(message, fresh).stream()
                    .filter(key -> !pointers.containsKey(key))
                    .toList();
            String winner = keys.claim(tenantId, primary, pointers.get(primary), fresh, companions);
            boolean won = winner.equals(fresh);
            claimed = new HashSet<>(won ? companions : List.of());
            claimed.add(primary);
            // Nobody else knows a fresh id before its claim, so a ticket under it cannot exist yet.
            Ticket ticket = won ? open(fresh) : currentOf(winner);
            return takes(ticket) ? Optional.of(ticket) : Optional.empty();
        }

        /**
         * The ticket {@code ticketId} stands for now: itself, or the ticket it was merged into. A ticket a key leads
         * to that does not exist was claimed by a replica that has not created it yet, or died before it did: it is
         * created here, from this message, under the claimed id.
         */
        private Ticket currentOf(String ticketId) {
            Ticket ticket = tickets.find(tenantId, ticketId).orElseGet(() -> open(ticketId));
            for (int hop = 0; hop < MAX_MERGE_HOPS && ticket.mergedInto() != null; hop++) {
                Optional<Ticket> target = tickets.find(tenantId, ticket.mergedInto());
                if (target.isEmpty()) {
                    break;
                }
                ticket = target.get();
            }
            return ticket;
        }

        private Ticket open(String ticketId) {
            TicketChange opened = Ticket.open(ticketId, tenantId, message, clock.instant());
            if (tickets.insert(opened, message.interactionId())) {
                openedHere = ticketId;
                return opened.ticket();
            }
            return tickets.find(tenantId, ticketId)
                    .orElseThrow(() -> new IllegalStateException("ticket " + ticketId + " vanished after its insert"));
        }

        private boolean takes(Ticket ticket) {
            return ticket.takesCustomerMessageAt(message.receivedAt(), properties.reopenWindow());
        }

        /** Applies the message to the ticket; empty when the ticket changed meanwhile and threading starts over. */
        private Optional<Outcome> apply(Ticket ticket) {
            TicketChange change = ticket.receive(message, clock.instant());
            return switch (tickets.update(change, ticket.version(), message.interactionId())) {
                case WRITTEN -> {
                    written = change.ticket().withVersion(ticket.version() + 1);
                    yield Optional.of(
                            change.events().stream().anyMatch(TicketReopened.class::isInstance)
                                    ? Outcome.REOPENED
                                    : Outcome.JOINED);
                }
                case ALREADY_APPLIED -> Optional.of(
                        ticket.id().equals(openedHere) ? Outcome.OPENED : Outcome.DUPLICATE);
                case CONFLICT -> Optional.empty();
            };
        }
    }

    private Threaded count(Threaded threaded) {
        meters.counter(
                        "touchpoint.ticket.interactions.threaded",
                        "outcome",
                        threaded.outcome().tag())
                .increment();
        return threaded;
    }

    /**
     * Where a message went: onto {@code ticketId}, with {@code outcome}; {@code ticket} is the ticket as this message's
     * write stored it (null for a duplicate, whose ticket may have changed since).
     */
    public record Threaded(String ticketId, Outcome outcome, Ticket ticket) {}

    public enum Outcome {
        /** It opened a new ticket. */
        OPENED,
        /** It joined an open ticket. */
        JOINED,
        /** It reopened a resolved ticket. */
        REOPENED,
        /** It was threaded before. */
        DUPLICATE;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
