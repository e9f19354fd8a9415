package io.touchpoint.ticket.web.routing;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.touchpoint.events.Actor;
import io.touchpoint.tenancy.TenantContext;
import io.touchpoint.ticket.application.routing.AgentDesk;
import io.touchpoint.ticket.application.routing.Agents;
import io.touchpoint.ticket.domain.InvalidFieldException;
import io.touchpoint.ticket.domain.Ticket;
import io.touchpoint.ticket.domain.routing.TicketHandling;
import io.touchpoint.ticket.web.TicketResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/tickets/{id}/claim|transfer|routing}: an agent taking a ticket, handing it on, and what routing decided
 * about it. Claiming and transferring need {@code tickets:write} or {@code agent}, and respect the receiving agent's
 * capacity ({@code 409 agent_at_capacity}).
 */
@RestController
@RequestMapping("/v1/tickets/{id}")
class TicketRoutingController {

    private final AgentDesk desk;

    private final Agents agents;

    TicketRoutingController(AgentDesk desk, Agents agents) {
        this.desk = desk;
        this.agents = agents;
    }

    /**
     * The calling agent takes the ticket: one waiting in a queue of their teams, or one without a team, which joins
     * their home team. {@code 409 ticket_assigned} when someone has it.
     */
    @PostMapping("/claim")
    ResponseEntity<TicketResponse> claim(TenantContext tenant, @PathVariable String id) {
        RoutingWeb.requireWrite(tenant);
        Ticket claimed = desk.claim(tenant.tenantId(), id, agents.me(tenant.tenantId(), tenant.principal()));
        return ResponseEntity.ok().eTag(RoutingWeb.etag(claimed.version())).body(TicketResponse.of(claimed));
    }

    /**
     * Hands the ticket to an agent ({@code agentId}), or to a team ({@code teamId}), whose strategy picks an agent
     * of it or keeps it in its queue.
     */
    @PostMapping("/transfer")
    ResponseEntity<TicketResponse> transfer(
            TenantContext tenant, @PathVariable String id, @Valid @RequestBody TransferTicketRequest request) {
        RoutingWeb.requireWrite(tenant);
        if ((request.agentId() == null) == (request.teamId() == null)) {
            throw new InvalidFieldException("agentId", "give either agentId or teamId");
        }
        Actor actor = Actor.agent(tenant.principal());
        Ticket transferred = request.agentId() != null
                ? desk.transferToAgent(tenant.tenantId(), id, request.agentId(), actor)
                : desk.transferToTeam(tenant.tenantId(), id, request.teamId(), actor);
        return ResponseEntity.ok().eTag(RoutingWeb.etag(transferred.version())).body(TicketResponse.of(transferred));
    }

    /** Who answers the ticket, bot or person, and what its triage decided. */
    @GetMapping("/routing")
    RoutingResponse routing(TenantContext tenant, @PathVariable String id) {
        AgentDesk.RoutingOf routing = desk.routingOf(tenant.tenantId(), id);
        return RoutingResponse.of(routing.ticket(), routing.handling().orElse(null));
    }

    record TransferTicketRequest(
            @Pattern(regexp = RoutingWeb.ID) String agentId, @Pattern(regexp = RoutingWeb.ID) String teamId) {}

    /**
     * @param handler {@code bot} while the bot answers, {@code person} once a person does, {@code undecided} while the
     *     first message is being routed; absent when the tenant routes nothing
     * @param triageRuleIds the triage rules that applied to the message that opened the ticket
     * @param skills the skills a triage rule asked of the agent
     * @param escalationLevel 1 once the bot handed the ticket to a person
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RoutingResponse(
            String ticketId,
            String teamId,
            String assigneeId,
            String handler,
            List<String> triageRuleIds,
            List<String> skills,
            Integer escalationLevel) {

        static RoutingResponse of(Ticket ticket, TicketHandling handling) {
            return new RoutingResponse(
                    ticket.id(),
                    ticket.assignment().teamId(),
                    ticket.assignment().assigneeId(),
                    handling != null ? handling.handler().apiName() : null,
                    handling != null ? handling.ruleIds() : null,
                    handling != null ? handling.skills() : null,
                    handling != null ? handling.escalationLevel() : null);
        }
    }
}
