package io.touchpoint.ticket.application.routing;

import io.touchpoint.events.Actor;
import io.touchpoint.events.ticket.Priority;
import io.touchpoint.events.ticket.TicketAssigned;
import io.touchpoint.starter.problem.ConflictException;
import io.touchpoint.ticket.application.TicketStore;
import io.touchpoint.ticket.application.TicketUpdates;
import io.touchpoint.ticket.domain.Assignment;
import io.touchpoint.ticket.domain.InvalidFieldException;
import io.touchpoint.ticket.domain.InvalidTransitionException;
import io.touchpoint.ticket.domain.Ticket;
import io.touchpoint.ticket.domain.TicketChange;
import io.touchpoint.ticket.domain.routing.Agent;
import io.touchpoint.ticket.domain.routing.AgentLoad;
import io.touchpoint.ticket.domain.routing.Team;
import io.touchpoint.ticket.domain.routing.TicketHandling;
import io.touchpoint.ticket.domain.routing.Workload;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * What an agent does with tickets beyond replying: takes one from a queue, hands one to a colleague or another team,
 * and looks at what waits for them. Taking a ticket claims a place of the agent's capacity first, like routing does.
 */
@Service
public class AgentDesk {

    private static final Logger log = LoggerFactory.getLogger(AgentDesk.class);

    private final TicketStore tickets;

    private final TicketUpdates updates;

    private final Agents agents;

    private final TeamStore teams;

    private final AgentLoadStore loads;

    private final TicketHandlingStore handlings;

    private final TicketAssignment assignment;

    private final Clock clock;

    public AgentDesk(
            TicketStore tickets,
            TicketUpdates updates,
            Agents agents,
            TeamStore teams,
            AgentLoadStore loads,
            TicketHandlingStore handlings,
            TicketAssignment assignment,
            Clock clock) {
        this.tickets = tickets;
        this.updates = updates;
        this.agents = agents;
        this.teams = teams;
        this.loads = loads;
        this.handlings = handlings;
        this.assignment = assignment;
        this.clock = clock;
    }

    /**
     * The agent takes the ticket: one of their team's queue, or one without a team (it joins their home team). Taking
     * a ticket one has already changes nothing.
     */
    public Ticket claim(String tenantId, String ticketId, Agent agent) {
        Actor actor = Actor.agent(agent.id());
        return assignTo(tenantId, ticketId, agent, TicketAssigned.Reason.MANUAL, actor, ticket -> {
            String assignee = ticket.assignment().assigneeId();
            if (assignee != null) {
                throw new ConflictException(
                        "ticket_assigned", "Ticket " + ticket.id() + " is assigned to " + assignee + " already.");
            }
            String teamId = ticket.assignment().teamId();
            if (teamId != null && !agent.memberOf(teamId)) {
                throw new ConflictException(
                        "not_team_member",
                        "Ticket " + ticket.id() + " waits in team " + teamId + ", which " + agent.id()
                                + " does not belong to.");
            }
            return teamId != null ? teamId : homeTeam(agent, "agent");
        });
    }

    /** Gives the ticket to agent {@code agentId}, in the ticket's team if they belong to it, else their home team. */
    public Ticket transferToAgent(String tenantId, String ticketId, String agentId, Actor actor) {
        Agent agent = agents.find(tenantId, agentId)
                .orElseThrow(() -> new InvalidFieldException("agentId", "no agent " + agentId));
        return assignTo(tenantId, ticketId, agent, TicketAssigned.Reason.MANUAL, actor, ticket -> {
            String teamId = ticket.assignment().teamId();
            return teamId != null && agent.memberOf(teamId) ? teamId : homeTeam(agent, "agentId");
        });
    }

    /**
     * Moves the ticket to team {@code teamId}'s queue, away from its agent, and lets the team's strategy pick an agent
     * of it for the ticket.
     */
    public Ticket transferToTeam(String tenantId, String ticketId, String teamId, Actor actor) {
        requireOpen(updates.get(tenantId, ticketId), "transferred");
        if (teams.find(tenantId, teamId).isEmpty()) {
            throw new InvalidFieldException("teamId", "no team " + teamId);
        }
        assignment.route(
                tenantId,
                ticketId,
                null,
                ticket -> Workload.occupies(ticket.status()),
                (ticket, ignored, now) ->
                        ticket.assign(new Assignment(teamId, null), TicketAssigned.Reason.MANUAL, actor, now),
                null);
        handlings.personAnswers(tenantId, ticketId, 0);
        TicketAssignment.Routed routed = assignment.routeWaiting(tenantId, ticketId, teamId);
        log.info("ticket {} of tenant {} transferred to team {} by {}", ticketId, tenantId, teamId, actor.id());
        return routed.outcome() == TicketAssignment.Outcome.SKIPPED ? updates.get(tenantId, ticketId) : routed.ticket();
    }

    /**
     * The tickets waiting in the queues of the agent's teams that the agent could take (their channel and skills), the
     * most urgent first, then the oldest. A page covers {@code limit} waiting tickets and may show fewer: those the
     * agent could not take are left out.
     *
     * @param after the position of the last ticket of the previous page ({@link #position}), or null
     */
    public QueuePage queue(String tenantId, Agent agent, String after, int limit) {
        Map<String, Team> myTeams = agent.teamIds().stream()
                .map(teamId -> teams.find(tenantId, teamId))
                .flatMap(Optional::stream)
                .collect(Collectors.toMap(Team::id, Function.identity()));
        int startPriority = 0;
        String afterId = null;
        if (after != null) {
            int bar = after.indexOf('|');
            startPriority = bar > 0 ? TicketAssignment.PRIORITIES.indexOf(priority(after.substring(0, bar))) : -1;
            afterId = bar > 0 ? after.substring(bar + 1) : null;
            if (startPriority < 0 || afterId == null || afterId.isEmpty()) {
                throw new InvalidFieldException("after", "is not a position in this queue");
            }
        }
        List<Ticket> page = new ArrayList<>();
        for (int p = startPriority; p < TicketAssignment.PRIORITIES.size() && page.size() <= limit; p++) {
            Priority priority = TicketAssignment.PRIORITIES.get(p);
            String from = p == startPriority ? afterId : null;
            List<Ticket> level = new ArrayList<>();
            for (String teamId : myTeams.keySet()) {
                level.addAll(tickets.search(
                        TicketAssignment.waiting(tenantId, teamId, priority, from), limit + 1 - page.size()));
            }
            level.sort(Comparator.comparing(Ticket::id));
            page.addAll(level.subList(0, Math.min(level.size(), limit + 1 - page.size())));
        }
        boolean more = page.size() > limit;
        List<Ticket> covered = more ? page.subList(0, limit) : page;
        Map<String, TicketHandling> handled =
                handlings.findAll(tenantId, covered.stream().map(Ticket::id).toList());
        List<Ticket> takeable = covered.stream()
                .filter(ticket -> {
                    Team team = myTeams.get(ticket.assignment().teamId());
                    TicketHandling handling = handled.get(ticket.id());
                    return team != null
                            && agent.answers(ticket.requester().channel())
                            && agent.hasSkills(team.requiredSkills(
                                    ticket.tags(), handling != null ? handling.skills() : List.of()));
                })
                .toList();
        return new QueuePage(takeable, more ? position(covered.get(covered.size() - 1)) : null);
    }

    /** The ticket and what routing decided about it, if anything; 404 for a ticket of another tenant. */
    public RoutingOf routingOf(String tenantId, String ticketId) {
        Ticket ticket = updates.get(tenantId, ticketId);
        return new RoutingOf(ticket, handlings.find(tenantId, ticketId));
    }

    /** Where a waiting ticket sits in the queue order, for cursors. */
    public static String position(Ticket ticket) {
        return ticket.priority().name() + "|" + ticket.id();
    }

    /**
     * Assigns the ticket to {@code agent} within their capacity, in the team {@code team} names for the ticket as
     * read; the agent who had it gets their place back afterwards.
     */
    private Ticket assignTo(
            String tenantId,
            String ticketId,
            Agent agent,
            TicketAssigned.Reason reason,
            Actor actor,
            Function<Ticket, String> team) {
        for (int attempt = 0; attempt < TicketAssignment.MAX_ATTEMPTS; attempt++) {
            Ticket ticket = updates.get(tenantId, ticketId);
            if (agent.id().equals(ticket.assignment().assigneeId())) {
                return ticket;
            }
            requireOpen(ticket, "assigned");
            String teamId = team.apply(ticket);
            Instant now = clock.instant();
            switch (loads.claim(tenantId, agent.id(), ticketId, now)) {
                case FULL -> throw atCapacity(tenantId, agent);
                case HELD -> throw new ConflictException(
                        "ticket_busy", "Ticket " + ticketId + " is being assigned right now; try again.");
                case CLAIMED -> {
                    // the place is the ticket's: write it
                }
            }
            TicketChange change = ticket.assign(new Assignment(teamId, agent.id()), reason, actor, now);
            switch (tickets.update(change, ticket.version(), null)) {
                case WRITTEN -> {
                    Ticket stored = change.ticket().withVersion(ticket.version() + 1);
                    handlings.personAnswers(tenantId, ticketId, 0);
                    assignment.assignmentChanged(ticket, stored, false);
                    log.info("ticket {} of tenant {} given to {} by {}", ticketId, tenantId, agent.id(), actor.id());
                    return stored;
                }
                case CONFLICT, ALREADY_APPLIED -> loads.release(tenantId, agent.id(), ticketId);
            }
        }
        throw new ConflictException(
                "ticket_busy", "Ticket " + ticketId + " is being changed by others right now; try again.");
    }

    private ConflictException atCapacity(String tenantId, Agent agent) {
        AgentLoad load = agents.load(tenantId, agent);
        return new ConflictException(
                "agent_at_capacity",
                "Agent " + agent.id() + " has " + load.openTickets() + " open tickets, their capacity is "
                        + load.capacity() + ".");
    }

    private static String homeTeam(Agent agent, String field) {
        if (agent.teamIds().isEmpty()) {
            throw new InvalidFieldException(field, "agent " + agent.id() + " belongs to no team");
        }
        return agent.teamIds().get(0);
    }

    private static void requireOpen(Ticket ticket, String what) {
        if (!Workload.occupies(ticket.status())) {
            throw new InvalidTransitionException(
                    "A " + ticket.status().apiName() + " ticket cannot be " + what + "; reopen it first.");
        }
    }

    private static Priority priority(String name) {
        try {
            return Priority.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * A page of an agent's queue.
     *
     * @param next the position to continue after, absent on the last page
     */
    public record QueuePage(List<Ticket> tickets, String next) {}

    /** A ticket and its {@link TicketHandling}, absent while routing decided nothing about it. */
    public record RoutingOf(Ticket ticket, Optional<TicketHandling> handling) {}
}
