package io.touchpoint.ticket.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchpoint.events.Channel;
import io.touchpoint.ticket.domain.routing.Agent;
import io.touchpoint.ticket.domain.routing.AgentLoad;
import io.touchpoint.ticket.domain.routing.AgentSelection;
import io.touchpoint.ticket.domain.routing.AssignmentStrategy;
import io.touchpoint.ticket.domain.routing.Presence;
import io.touchpoint.ticket.domain.routing.Team;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AgentSelectionTests {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void roundRobinStartsAtTheCursorAndWrapsAround() {
        Team team = team(AssignmentStrategy.ROUND_ROBIN);
        List<Agent> agents = List.of(agent("agt_a", 5), agent("agt_b", 5), agent("agt_c", 5));
        Map<String, AgentLoad> loads = loads(agents, Presence.ONLINE, 0);

        assertThat(ids(AgentSelection.candidates(team, agents, loads, Set.of(), Channel.SMS, 4)))
                .containsExactly("agt_b", "agt_c", "agt_a");
        assertThat(IntStream.range(0, 4).mapToObj(cursor -> AgentSelection.candidates(
                                team, agents, loads, Set.of(), Channel.SMS, cursor)
                        .get(0)
                        .id()))
                .containsExactly("agt_a", "agt_b", "agt_c", "agt_a");
    }

    @Test
    void leastLoadedPrefersFewestOpenTicketsThenMostRoom() {
        Team team = team(AssignmentStrategy.LEAST_LOADED);
        List<Agent> agents = List.of(agent("agt_a", 5), agent("agt_b", 10), agent("agt_c", 5));
        Map<String, AgentLoad> loads = new HashMap<>();
        loads.put("agt_a", load("agt_a", Presence.ONLINE, 5, 2));
        loads.put("agt_b", load("agt_b", Presence.ONLINE, 10, 2));
        loads.put("agt_c", load("agt_c", Presence.ONLINE, 5, 1));

        assertThat(ids(AgentSelection.candidates(team, agents, loads, Set.of(), Channel.SMS, 0)))
                .containsExactly("agt_c", "agt_b", "agt_a");
    }

    @Test
    void onlyOnlineMembersWithRoomTheSkillsAndTheChannelAreCandidates() {
        Team team = team(AssignmentStrategy.ROUND_ROBIN);
        Agent skilled = new Agent(
                "agt_a", "t", "A", null, List.of("billing", "de"), Set.of(), 2, List.of("tem_1"), 1, NOW, NOW);
        Agent unskilled = new Agent("agt_b", "t", "B", null, List.of("de"), Set.of(), 2, List.of("tem_1"), 1, NOW, NOW);
        Agent emailOnly = new Agent(
                "agt_c", "t", "C", null, List.of("billing"), Set.of(Channel.EMAIL), 2, List.of("tem_1"), 1, NOW, NOW);
        Agent full = new Agent("agt_d", "t", "D", null, List.of("billing"), Set.of(), 1, List.of("tem_1"), 1, NOW, NOW);
        Agent away = new Agent("agt_e", "t", "E", null, List.of("billing"), Set.of(), 2, List.of("tem_1"), 1, NOW, NOW);
        Agent otherTeam =
                new Agent("agt_f", "t", "F", null, List.of("billing"), Set.of(), 2, List.of("tem_2"), 1, NOW, NOW);
        List<Agent> agents = List.of(skilled, unskilled, emailOnly, full, away, otherTeam);
        Map<String, AgentLoad> loads = new HashMap<>(loads(agents, Presence.ONLINE, 0));
        loads.put("agt_d", load("agt_d", Presence.ONLINE, 1, 1));
        loads.put("agt_e", load("agt_e", Presence.AWAY, 2, 0));

        Set<String> required = team.requiredSkills(List.of("billing", "vip"), List.of());

        assertThat(required).containsExactly("billing");
        assertThat(ids(AgentSelection.candidates(team, agents, loads, required, Channel.SMS, 0)))
                .containsExactly("agt_a");
        assertThat(ids(AgentSelection.full(team, agents, loads, required, Channel.SMS)))
                .containsExactly("agt_d");
    }

    private static Team team(AssignmentStrategy strategy) {
        return new Team("tem_1", "t", "Team", List.of("billing"), 1, strategy, 1, NOW, NOW);
    }

    private static Agent agent(String id, int capacity) {
        return new Agent(id, "t", id, null, List.of(), Set.of(), capacity, List.of("tem_1"), 1, NOW, NOW);
    }

    private static Map<String, AgentLoad> loads(List<Agent> agents, Presence presence, int open) {
        Map<String, AgentLoad> loads = new HashMap<>();
        agents.forEach(agent -> loads.put(agent.id(), load(agent.id(), presence, agent.capacity(), open)));
        return loads;
    }

    private static AgentLoad load(String agentId, Presence presence, int capacity, int open) {
        Map<String, Instant> holds = new HashMap<>();
        IntStream.range(0, open).forEach(i -> holds.put("tkt_" + agentId + i, NOW));
        return new AgentLoad(agentId, presence, capacity, holds);
    }

    private static List<String> ids(List<Agent> agents) {
        return agents.stream().map(Agent::id).toList();
    }
}
