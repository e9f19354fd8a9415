package io.touchpoint.ticket.application.routing;

import io.micrometer.core.instrument.MeterRegistry;
import io.touchpoint.events.Actor;
import io.touchpoint.events.ticket.Priority;
import io.touchpoint.events.ticket.TicketAssigned;
import io.touchpoint.ticket.application.TicketSearch;
import io.touchpoint.ticket.application.TicketStore;
import io.touchpoint.ticket.config.RoutingProperties;
import io.touchpoint.ticket.domain.Assignment;
import io.touchpoint.ticket.domain.Ticket;
import io.touchpoint.ticket.domain.TicketChange;
import io.touchpoint.ticket.domain.routing.Agent;
import io.touchpoint.ticket.domain.routing.AgentLoad;
import io.touchpoint.ticket.domain.routing.AgentSelection;
import io.touchpoint.ticket.domain.routing.AssignmentStrategy;
import io.touchpoint.ticket.domain.routing.RoutingActors;
import io.touchpoint.ticket.domain.routing.Team;
import io.touchpoint.ticket.domain.routing.TicketHandling;
import io.touchpoint.ticket.domain.routing.Workload;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Gives tickets to agents within their capacity, and keeps the rest waiting in their team's queue until someone frees
 * a place.
 *
 * <p>Capacity is kept per agent in one small document ({@link AgentLoadStore}). A place is <em>claimed</em> for a
 * ticket with one conditional update (free place left, ticket not held yet) before the ticket is written, and given
 * back after the ticket left the agent; a ticket write that loses its version race gives its claim back at once. So
 * whatever N replicas do at the same time, an agent never gets more tickets by routing than their capacity, and a
 * crash can only leave a place taken, never a ticket unaccounted: such a hold is given back once it is older than
 * {@link RoutingProperties#holdGrace()} and its ticket is not the agent's, checked when the agent looks full.
 *
 * <p>A queue is not a document: it is the team's new and open tickets without an agent, by priority, then age. It is
 * read only when someone frees a place or comes online ({@link #pullFor}), never scanned on a timer.
 */
@Service
public class TicketAssignment {

    static final int MAX_ATTEMPTS = 10;

    private static final int QUEUE_PAGE = 20;

    /** The order queues are served in. */
    static final List<Priority> PRIORITIES = List.of(Priority.URGENT, Priority.HIGH, Priority.NORMAL, Priority.LOW);

    private static final Logger log = LoggerFactory.getLogger(TicketAssignment.class);

    private final TicketStore tickets;

    private final TeamStore teams;

    private final AgentStore agents;

    private final AgentLoadStore loads;

    private final TicketHandlingStore handlings;

    private final AgentInbox inbox;

    private final RoutingProperties properties;

    private final Clock clock;

    private final MeterRegistry meters;

    /** When this replica last checked an agent's holds, so a full agent is not checked on every assignment. */
    private final Map<String, Instant> checked = new ConcurrentHashMap<>();

    public TicketAssignment(
            TicketStore tickets,
            TeamStore teams,
            AgentStore agents,
            AgentLoadStore loads,
            TicketHandlingStore handlings,
            AgentInbox inbox,
            RoutingProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.tickets = tickets;
        this.teams = teams;
        this.agents = agents;
        this.loads = loads;
        this.handlings = handlings;
        this.inbox = inbox;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Gives the ticket to {@code teamId}, and to an agent of it when one can take it, in one write together with the
     * events of {@code change}. A ticket that is not new or open waits for its customer or a third party, so it only
     * joins the team.
     *
     * @param teamId the team, or null to change the ticket without a team (an escalation with nowhere to go)
     * @param applies whether the ticket as read still wants this; routing ends when it does not
     * @param appliedEventId recorded on the ticket so that the change is made once, or null
     */
    public Routed route(
            String tenantId,
            String ticketId,
            String teamId,
            Predicate<Ticket> applies,
            RoutingChange change,
            String appliedEventId) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Ticket> found = tickets.find(tenantId, ticketId);
            if (found.isEmpty() || !applies.test(found.get())) {
                return Routed.skipped(found.orElse(null));
            }
            Ticket ticket = found.get();
            Optional<Team> team = teamId != null ? teams.find(tenantId, teamId) : Optional.empty();
            Pick pick = team.isPresent() && Workload.QUEUED.contains(ticket.status())
                    ? pick(tenantId, ticket, team.get())
                    : Pick.NOBODY;
            if (pick.busy()) {
                return Routed.skipped(ticket);
            }
            String agentId = pick.agentId();
            Instant now = clock.instant();
            TicketChange changed = change.apply(ticket, new Assignment(teamId, agentId), now);
            if (!changed.changes(ticket)) {
                giveBack(tenantId, agentId, ticketId);
                return new Routed(Outcome.QUEUED, ticket, pick.teamHasRoom());
            }
            switch (tickets.update(changed, ticket.version(), appliedEventId)) {
                case WRITTEN -> {
                    Ticket stored = changed.ticket().withVersion(ticket.version() + 1);
                    assignmentChanged(ticket, stored, false);
                    Outcome outcome = agentId != null ? Outcome.ASSIGNED : Outcome.QUEUED;
                    meters.counter("touchpoint.ticket.routing.assignments", "outcome", outcome.tag())
                            .increment();
                    log.info(
                            "ticket {} of tenant {} routed to team {}, agent {}",
                            ticketId,
                            tenantId,
                            teamId,
                            agentId != null ? agentId : "none (queued)");
                    return new Routed(outcome, stored, pick.teamHasRoom() || agentId != null);
                }
                case ALREADY_APPLIED -> {
                    giveBack(tenantId, agentId, ticketId);
                    return Routed.skipped(ticket);
                }
                case CONFLICT -> giveBack(tenantId, agentId, ticketId);
            }
        }
        log.warn("ticket {} of tenant {} changed too often to be routed; it is left as it is", ticketId, tenantId);
        return Routed.skipped(null);
    }

    /** {@link #route} for a ticket waiting in {@code teamId}'s queue, with the team's strategy and no rule. */
    public Routed routeWaiting(String tenantId, String ticketId, String teamId) {
        return route(
                tenantId,
                ticketId,
                teamId,
                ticket -> Workload.waiting(ticket)
                        && teamId.equals(ticket.assignment().teamId()),
                plain(TicketAssigned.Reason.ROUTING_RULE, RoutingActors.ROUTING),
                null);
    }

    /** The change of a plain assignment, announced with {@code reason} by {@code actor}. */
    public static RoutingChange plain(TicketAssigned.Reason reason, Actor actor) {
        return (ticket, to, now) -> ticket.assign(to, reason, actor, now);
    }

    /**
     * Assigns the team's waiting tickets, most urgent and oldest first, as long as someone of the team has room; looks
     * at {@link RoutingProperties#drainLimit()} tickets at most.
     */
    public void drain(String tenantId, String teamId) {
        if (teams.find(tenantId, teamId).isEmpty()) {
            return;
        }
        int budget = properties.drainLimit();
        for (Priority priority : PRIORITIES) {
            String after = null;
            while (true) {
                List<Ticket> page = tickets.search(waiting(tenantId, teamId, priority, after), QUEUE_PAGE);
                for (Ticket ticket : page) {
                    if (budget-- <= 0) {
                        return;
                    }
                    Routed routed = routeWaiting(tenantId, ticket.id(), teamId);
                    if (routed.outcome() == Outcome.QUEUED && !routed.teamHasRoom()) {
                        return;
                    }
                }
                if (page.size() < QUEUE_PAGE) {
                    break;
                }
                after = page.get(page.size() - 1).id();
            }
        }
    }

    /** Pulls the waiting tickets of every team of the agent: they came online, or have room again. */
    public void pullFor(String tenantId, Agent agent) {
        for (String teamId : agent.teamIds()) {
            drain(tenantId, teamId);
        }
    }

    /** Gives back the agent's place for the ticket, which left them, and pulls waiting tickets into it. */
    public void release(String tenantId, String agentId, String ticketId) {
        if (loads.release(tenantId, agentId, ticketId)) {
            agents.find(tenantId, agentId).ifPresent(agent -> pullFor(tenantId, agent));
        }
    }

    /**
     * What follows a stored change of a ticket's agent or status: the agent who got it is told, the agent who lost it
     * is told and gets their place back, and a ticket that stopped counting (resolved, closed) frees its place.
     *
     * @param byHand whether the change was made by hand ({@code PATCH}, status): the new agent's place is taken now,
     *     without a claim, and agent ids routing does not know (the ticket API accepts any) are left alone
     */
    public void assignmentChanged(Ticket before, Ticket after, boolean byHand) {
        String tenantId = after.tenantId();
        String was = known(tenantId, before.assignment().assigneeId(), byHand);
        String now = known(tenantId, after.assignment().assigneeId(), byHand);
        boolean counted = Workload.occupies(before.status());
        boolean counts = Workload.occupies(after.status());
        if (now != null && counts && byHand && (!now.equals(was) || !counted)) {
            loads.hold(tenantId, now, after.id(), clock.instant());
        }
        if (!Objects.equals(was, now)) {
            if (now != null) {
                inbox.assigned(after, now);
            }
            if (was != null) {
                inbox.unassigned(after, was);
                release(tenantId, was, after.id());
            }
        } else if (now != null) {
            if (before.status() != after.status()) {
                inbox.status(after, now);
            }
            if (counted && !counts) {
                release(tenantId, now, after.id());
            }
        }
    }

    private String known(String tenantId, String agentId, boolean check) {
        return agentId == null || !check || agents.find(tenantId, agentId).isPresent() ? agentId : null;
    }

    /** The agent who takes the ticket with their place claimed, or nobody. */
    private Pick pick(String tenantId, Ticket ticket, Team team) {
        Set<String> required = team.requiredSkills(
                ticket.tags(),
                handlings
                        .find(tenantId, ticket.id())
                        .map(TicketHandling::skills)
                        .orElse(List.of()));
        List<Agent> members = agents.members(tenantId, team.id());
        if (members.isEmpty()) {
            return Pick.NOBODY;
        }
        List<String> ids = members.stream().map(Agent::id).toList();
        Map<String, AgentLoad> load = loads.findAll(tenantId, ids);
        if (healCapacities(tenantId, members, load)) {
            load = loads.findAll(tenantId, ids);
        }
        for (int round = 0; round < 2; round++) {
            if (round > 0) {
                load = loads.findAll(tenantId, ids);
            }
            List<Agent> candidates = AgentSelection.candidates(
                    team, members, load, required, ticket.requester().channel(), 0);
            if (!candidates.isEmpty() && team.strategy() == AssignmentStrategy.ROUND_ROBIN) {
                long cursor = teams.advanceCursor(tenantId, team.id());
                candidates = AgentSelection.candidates(
                        team, members, load, required, ticket.requester().channel(), cursor);
            }
            for (Agent agent : candidates) {
                switch (loads.claim(tenantId, agent.id(), ticket.id(), clock.instant())) {
                    case CLAIMED -> {
                        return new Pick(agent.id(), false, true);
                    }
                    case HELD -> {
                        if (!freedStaleHold(tenantId, agent.id(), ticket.id(), load.get(agent.id()))) {
                            return new Pick(null, true, true);
                        }
                        // a crash's leftover for this very ticket, given back: the next candidate or round takes it
                    }
                    case FULL -> {
                        // taken meanwhile by another assignment: the next one
                    }
                }
            }
            List<Agent> full = AgentSelection.full(
                    team, members, load, required, ticket.requester().channel());
            if (round > 0 || !freedStaleHolds(tenantId, full)) {
                return new Pick(null, false, AgentSelection.anyFree(team, members, loads.findAll(tenantId, ids)));
            }
        }
        return Pick.NOBODY;
    }

    /**
     * Gives back the holds of {@code agents} that a crash left behind: older than the grace period, for tickets that are
     * not theirs (any more). Each agent is checked at most every half grace period by this replica.
     *
     * @return whether a place was freed
     */
    private boolean freedStaleHolds(String tenantId, List<Agent> agents) {
        Instant now = clock.instant();
        Instant staleBefore = now.minus(properties.holdGrace());
        boolean freed = false;
        for (Agent agent : agents) {
            Instant last = checked.get(agent.id());
            if (last != null && last.isAfter(now.minus(properties.holdGrace().dividedBy(2)))) {
                continue;
            }
            checked.put(agent.id(), now);
            AgentLoad load = loads.find(tenantId, agent.id()).orElse(null);
            if (load == null) {
                continue;
            }
            for (Map.Entry<String, Instant> hold : load.holds().entrySet()) {
                if (!hold.getValue().isBefore(staleBefore)) {
                    continue;
                }
                boolean theirs = tickets.find(tenantId, hold.getKey())
                        .map(ticket -> Workload.occupies(ticket, agent.id()))
                        .orElse(false);
                if (!theirs && loads.releaseIfHeldSince(tenantId, agent.id(), hold.getKey(), hold.getValue())) {
                    log.warn(
                            "agent {} of tenant {} held ticket {} since {} without having it; the place is free again",
                            agent.id(),
                            tenantId,
                            hold.getKey(),
                            hold.getValue());
                    meters.counter("touchpoint.ticket.routing.stale_holds").increment();
                    freed = true;
                }
            }
        }
        return freed;
    }

    /**
     * Sets the capacity of loads that lag behind their agent's: an agent update stores the agent, then the load, and a
     * crash in between must not leave the old capacity in force.
     */
    private boolean healCapacities(String tenantId, List<Agent> members, Map<String, AgentLoad> load) {
        boolean healed = false;
        for (Agent agent : members) {
            AgentLoad current = load.get(agent.id());
            if (current != null && current.capacity() != agent.capacity()) {
                loads.setCapacity(tenantId, agent.id(), agent.capacity());
                healed = true;
            }
        }
        return healed;
    }

    /** Gives back the agent's hold of the ticket if a crash left it: it is older than the grace period. */
    private boolean freedStaleHold(String tenantId, String agentId, String ticketId, AgentLoad load) {
        Instant heldAt = load != null ? load.holds().get(ticketId) : null;
        return heldAt != null
                && heldAt.isBefore(clock.instant().minus(properties.holdGrace()))
                && loads.releaseIfHeldSince(tenantId, agentId, ticketId, heldAt);
    }

    private void giveBack(String tenantId, String agentId, String ticketId) {
        if (agentId != null) {
            loads.release(tenantId, agentId, ticketId);
        }
    }

    /** The search for the tickets waiting in a team's queue with one priority, oldest first. */
    static TicketSearch waiting(String tenantId, String teamId, Priority priority, String after) {
        return new TicketSearch(
                tenantId,
                Workload.QUEUED,
                Set.of(priority),
                null,
                TicketSearch.UNASSIGNED,
                teamId,
                null,
                null,
                null,
                null,
                null,
                null,
                after,
                false);
    }

    /** How a ticket changes when routing gives it to {@code to}. */
    @FunctionalInterface
    public interface RoutingChange {
        TicketChange apply(Ticket ticket, Assignment to, Instant now);
    }

    /**
     * The outcome of {@link #route}.
     *
     * @param ticket the ticket as stored afterwards, or as read when nothing was written
     * @param teamHasRoom whether someone of the team could still take a ticket, though maybe not this one
     */
    public record Routed(Outcome outcome, Ticket ticket, boolean teamHasRoom) {

        static Routed skipped(Ticket ticket) {
            return new Routed(Outcome.SKIPPED, ticket, true);
        }
    }

    public enum Outcome {
        /** An agent has the ticket now. */
        ASSIGNED,
        /** The ticket waits in its team's queue. */
        QUEUED,
        /** Nothing was done: the ticket did not want it any more, someone else is assigning it, or it was done. */
        SKIPPED;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * @param busy another replica is assigning the ticket to one of the candidates right now
     * @param teamHasRoom whether anyone of the team could take a ticket
     */
    private record Pick(String agentId, boolean busy, boolean teamHasRoom) {

        static final Pick NOBODY = new Pick(null, false, false);
    }
}
