package io.touchpoint.ticket.web.routing;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.touchpoint.events.Channel;
import io.touchpoint.tenancy.TenantContext;
import io.touchpoint.ticket.application.routing.AgentDesk;
import io.touchpoint.ticket.application.routing.Agents;
import io.touchpoint.ticket.application.routing.Agents.AgentFields;
import io.touchpoint.ticket.domain.routing.Agent;
import io.touchpoint.ticket.domain.routing.AgentLoad;
import io.touchpoint.ticket.domain.routing.Presence;
import io.touchpoint.ticket.web.TicketResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/tickets/agents}: the tenant's agents, their presence, and for the calling agent ({@code me}: the agent
 * whose {@code principal} the caller signs in as) what waits in their queue. Creating, changing and deleting agents
 * needs {@code tickets:write}; presence also {@code agent}.
 */
@RestController
@RequestMapping("/v1/tickets/agents")
class AgentController {

    static final String ME = "me";

    private static final String PRINCIPAL = "[A-Za-z0-9_.:@|+-]{1,200}";

    private static final String PRESENCE = "online|away|offline";

    private final Agents agents;

    private final AgentDesk desk;

    AgentController(Agents agents, AgentDesk desk) {
        this.agents = agents;
        this.desk = desk;
    }

    @PostMapping
    ResponseEntity<AgentResponse> create(TenantContext tenant, @Valid @RequestBody CreateAgentRequest request) {
        RoutingWeb.requireAdmin(tenant);
        Agent agent = agents.create(tenant.tenantId(), request.toFields());
        return ResponseEntity.created(URI.create("/v1/tickets/agents/" + agent.id()))
                .eTag(RoutingWeb.etag(agent.version()))
                .body(AgentResponse.of(agent, agents.load(tenant.tenantId(), agent)));
    }

    /** The tenant's agents; {@code teamId} filters by team. */
    @GetMapping
    RoutingWeb.Page<AgentResponse> list(
            TenantContext tenant,
            @RequestParam(required = false) @Pattern(regexp = RoutingWeb.ID) String teamId,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) String after) {
        return RoutingWeb.Page.of(
                agents.page(tenant.tenantId(), teamId, RoutingWeb.decode(after), limit + 1),
                limit,
                Agent::id,
                agent -> AgentResponse.of(agent, agents.load(tenant.tenantId(), agent)));
    }

    /** An agent; {@code me} is the calling agent. */
    @GetMapping("/{id}")
    ResponseEntity<AgentResponse> get(TenantContext tenant, @PathVariable String id) {
        Agent agent = agent(tenant, id);
        return ResponseEntity.ok()
                .eTag(RoutingWeb.etag(agent.version()))
                .body(AgentResponse.of(agent, agents.load(tenant.tenantId(), agent)));
    }

    /**
     * The tickets waiting in the queues of the calling agent's teams that they could take, the most urgent first,
     * then the oldest. A page covers {@code limit} waiting tickets and leaves out those the agent cannot take, so it
     * may be shorter while {@code next} is given.
     */
    @GetMapping("/me/queue")
    RoutingWeb.Page<TicketResponse> queue(
            TenantContext tenant,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) String after) {
        Agent me = agents.me(tenant.tenantId(), tenant.principal());
        AgentDesk.QueuePage page = desk.queue(tenant.tenantId(), me, RoutingWeb.decode(after), limit);
        return new RoutingWeb.Page<>(
                page.tickets().stream().map(TicketResponse::of).toList(),
                page.next() != null ? RoutingWeb.encode(page.next()) : null);
    }

    @PatchMapping("/{id}")
    ResponseEntity<AgentResponse> update(
            TenantContext tenant,
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody UpdateAgentRequest request) {
        RoutingWeb.requireAdmin(tenant);
        Agent agent = agents.update(tenant.tenantId(), id, request.toFields(), RoutingWeb.version(ifMatch));
        return ResponseEntity.ok()
                .eTag(RoutingWeb.etag(agent.version()))
                .body(AgentResponse.of(agent, agents.load(tenant.tenantId(), agent)));
    }

    /** Whether the agent takes tickets now; coming online pulls the waiting tickets of their teams. */
    @PutMapping("/{id}/presence")
    AgentResponse presence(
            TenantContext tenant, @PathVariable String id, @Valid @RequestBody SetPresenceRequest request) {
        RoutingWeb.requireWrite(tenant);
        Agent agent = agents.presence(
                tenant.tenantId(), agent(tenant, id).id(), RoutingWeb.constant(Presence.class, request.status()));
        return AgentResponse.of(agent, agents.load(tenant.tenantId(), agent));
    }

    /** Deletes an agent without open tickets; 409 while they have some. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(TenantContext tenant, @PathVariable String id) {
        RoutingWeb.requireAdmin(tenant);
        agents.delete(tenant.tenantId(), id);
        return ResponseEntity.noContent().build();
    }

    private Agent agent(TenantContext tenant, String id) {
        return ME.equals(id) ? agents.me(tenant.tenantId(), tenant.principal()) : agents.get(tenant.tenantId(), id);
    }

    private static Set<Channel> channelSet(List<Channel> channels) {
        return channels == null ? null : channels.isEmpty() ? Set.of() : EnumSet.copyOf(channels);
    }

    /**
     * A new agent.
     *
     * @param principal the API key or JWT subject the agent signs in as; unique per tenant
     * @param channels the channels they answer; all when absent or empty
     * @param capacity how many open tickets they work at once; 5 when absent
     * @param teamIds their teams, the first being their home team
     */
    record CreateAgentRequest(
            @NotBlank @Size(max = Agent.MAX_NAME_LENGTH) String name,
            @Pattern(regexp = PRINCIPAL) String principal,
            @Size(max = 50) List<@NotBlank @Size(max = 64) String> skills,
            @Size(max = 10) List<@NotNull Channel> channels,
            @Min(1) @Max(Agent.MAX_CAPACITY) Integer capacity,
            @Size(max = Agent.MAX_TEAMS) List<@NotBlank @Pattern(regexp = RoutingWeb.ID) String> teamIds) {

        AgentFields toFields() {
            return new AgentFields(name, principal, skills, channelSet(channels), capacity, teamIds);
        }
    }

    /** A partial change: absent fields stay; lists replace what was there. */
    record UpdateAgentRequest(
            @Size(min = 1, max = Agent.MAX_NAME_LENGTH) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
                    String name,
            @Pattern(regexp = PRINCIPAL) String principal,
            @Size(max = 50) List<@NotBlank @Size(max = 64) String> skills,
            @Size(max = 10) List<@NotNull Channel> channels,
            @Min(1) @Max(Agent.MAX_CAPACITY) Integer capacity,
            @Size(max = Agent.MAX_TEAMS) List<@NotBlank @Pattern(regexp = RoutingWeb.ID) String> teamIds) {

        AgentFields toFields() {
            return new AgentFields(name, principal, skills, channelSet(channels), capacity, teamIds);
        }
    }

    record SetPresenceRequest(
            @NotNull @Pattern(regexp = PRESENCE, message = "must be one of online, away, offline") String status) {}

    /**
     * An agent with their presence and how many open tickets they have against their capacity.
     *
     * @param channels the channels they answer; empty for all
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AgentResponse(
            String id,
            String name,
            String principal,
            List<String> skills,
            List<Channel> channels,
            int capacity,
            List<String> teamIds,
            String presence,
            int openTickets,
            long version,
            Instant createdAt,
            Instant updatedAt) {

        static AgentResponse of(Agent agent, AgentLoad load) {
            return new AgentResponse(
                    agent.id(),
                    agent.name(),
                    agent.principal(),
                    agent.skills(),
                    agent.channels().stream().sorted().toList(),
                    agent.capacity(),
                    agent.teamIds(),
                    load.presence().apiName(),
                    load.openTickets(),
                    agent.version(),
                    agent.createdAt(),
                    agent.updatedAt());
        }
    }
}
