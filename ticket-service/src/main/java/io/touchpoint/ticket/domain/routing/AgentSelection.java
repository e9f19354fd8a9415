package io.touchpoint.ticket.domain.routing;

import io.touchpoint.events.Channel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which agents of a team could take a ticket, in the order the team's strategy tries them. The first of them whose
 * capacity claim succeeds gets the ticket; the claim, not this order, is what keeps an agent within capacity when
 * several replicas assign at once.
 */
public final class AgentSelection {

    private AgentSelection() {}

    /**
     * The agents to try, best first: members of {@code team} who are online, have free capacity, answer
     * {@code channel} and have every skill {@code required}.
     *
     * @param loads each member's load by agent id; a member without one is not tried
     * @param cursor the team's round-robin position for this assignment (ignored by least loaded)
     */
    public static List<Agent> candidates(
            Team team,
            Collection<Agent> members,
            Map<String, AgentLoad> loads,
            Set<String> required,
            Channel channel,
            long cursor) {
        List<Agent> eligible = new ArrayList<>();
        for (Agent agent : members) {
            AgentLoad load = loads.get(agent.id());
            if (qualifies(agent, team, required, channel) && load != null && load.canTake()) {
                eligible.add(agent);
            }
        }
        eligible.sort(Comparator.comparing(Agent::id));
        if (eligible.isEmpty()) {
            return eligible;
        }
        return switch (team.strategy()) {
            case ROUND_ROBIN -> rotate(eligible, Math.floorMod(cursor, eligible.size()));
            case LEAST_LOADED -> {
                eligible.sort(Comparator.comparingInt(
                                (Agent agent) -> loads.get(agent.id()).openTickets())
                        .thenComparing((Agent agent) -> loads.get(agent.id()).free(), Comparator.reverseOrder())
                        .thenComparing(Agent::id));
                yield eligible;
            }
        };
    }

    /**
     * Members who could take the ticket but for their capacity: online, skilled, on the channel, and full. Their holds
     * are worth checking for ones a crash left behind.
     */
    public static List<Agent> full(
            Team team, Collection<Agent> members, Map<String, AgentLoad> loads, Set<String> required, Channel channel) {
        return members.stream()
                .filter(agent -> qualifies(agent, team, required, channel))
                .filter(agent -> {
                    AgentLoad load = loads.get(agent.id());
                    return load != null && load.presence() == Presence.ONLINE && load.free() <= 0;
                })
                .toList();
    }

    /** Whether any member is online with free capacity, whatever the ticket. */
    public static boolean anyFree(Team team, Collection<Agent> members, Map<String, AgentLoad> loads) {
        return members.stream()
                .anyMatch(agent -> agent.memberOf(team.id())
                        && loads.get(agent.id()) != null
                        && loads.get(agent.id()).canTake());
    }

    private static boolean qualifies(Agent agent, Team team, Set<String> required, Channel channel) {
        return agent.memberOf(team.id()) && agent.answers(channel) && agent.hasSkills(required);
    }

    private static List<Agent> rotate(List<Agent> agents, int start) {
        List<Agent> rotated = new ArrayList<>(agents.size());
        rotated.addAll(agents.subList(start, agents.size()));
        rotated.addAll(agents.subList(0, start));
        return rotated;
    }
}
