package io.touchpoint.ticket.web.routing;

import io.touchpoint.tenancy.TenantContext;
import io.touchpoint.ticket.application.routing.Teams;
import io.touchpoint.ticket.application.routing.Teams.TeamFields;
import io.touchpoint.ticket.domain.routing.AssignmentStrategy;
import io.touchpoint.ticket.domain.routing.Team;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/tickets/teams}: the tenant's teams, each working one queue. Changing them needs {@code tickets:write}.
 */
@RestController
@RequestMapping("/v1/tickets/teams")
class TeamController {

    static final String STRATEGIES = "round_robin|least_loaded";

    static final String STRATEGY_MESSAGE = "must be one of round_robin, least_loaded";

    private final Teams teams;

    TeamController(Teams teams) {
        this.teams = teams;
    }

    @PostMapping
    ResponseEntity<TeamResponse> create(TenantContext tenant, @Valid @RequestBody CreateTeamRequest request) {
        RoutingWeb.requireAdmin(tenant);
        Team team = teams.create(
                tenant.tenantId(),
                new TeamFields(
                        request.name(),
                        request.skills(),
                        request.tier(),
                        RoutingWeb.constant(AssignmentStrategy.class, request.strategy())));
        return ResponseEntity.created(URI.create("/v1/tickets/teams/" + team.id()))
                .eTag(RoutingWeb.etag(team.version()))
                .body(TeamResponse.of(team));
    }

    @GetMapping
    RoutingWeb.Page<TeamResponse> list(
            TenantContext tenant,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) String after) {
        return RoutingWeb.Page.of(
                teams.page(tenant.tenantId(), RoutingWeb.decode(after), limit + 1), limit, Team::id, TeamResponse::of);
    }

    @GetMapping("/{id}")
    ResponseEntity<TeamResponse> get(TenantContext tenant, @PathVariable String id) {
        Team team = teams.get(tenant.tenantId(), id);
        return ResponseEntity.ok().eTag(RoutingWeb.etag(team.version())).body(TeamResponse.of(team));
    }

    @PatchMapping("/{id}")
    ResponseEntity<TeamResponse> update(
            TenantContext tenant,
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody UpdateTeamRequest request) {
        RoutingWeb.requireAdmin(tenant);
        Team team = teams.update(
                tenant.tenantId(),
                id,
                new TeamFields(
                        request.name(),
                        request.skills(),
                        request.tier(),
                        RoutingWeb.constant(AssignmentStrategy.class, request.strategy())),
                RoutingWeb.version(ifMatch));
        return ResponseEntity.ok().eTag(RoutingWeb.etag(team.version())).body(TeamResponse.of(team));
    }

    /** Deletes a team without agents; 409 while agents belong to it. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(TenantContext tenant, @PathVariable String id) {
        RoutingWeb.requireAdmin(tenant);
        teams.delete(tenant.tenantId(), id);
        return ResponseEntity.noContent().build();
    }

    /**
     * A new team.
     *
     * @param skills the skills the team routes on: a ticket tagged with one needs an agent who has it
     * @param tier 1 (the default) for first-line support; escalation goes up the tiers
     * @param strategy {@code round_robin} (the default) or {@code least_loaded}
     */
    record CreateTeamRequest(
            @NotBlank @Size(max = Team.MAX_NAME_LENGTH) String name,
            @Size(max = 50) List<@NotBlank @Size(max = 64) String> skills,
            @Min(1) @Max(Team.MAX_TIER) Integer tier,
            @Pattern(regexp = STRATEGIES, message = STRATEGY_MESSAGE) String strategy) {}

    /** A partial change: absent fields stay; {@code skills} replaces all skills. */
    record UpdateTeamRequest(
            @Size(min = 1, max = Team.MAX_NAME_LENGTH) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
                    String name,
            @Size(max = 50) List<@NotBlank @Size(max = 64) String> skills,
            @Min(1) @Max(Team.MAX_TIER) Integer tier,
            @Pattern(regexp = STRATEGIES, message = STRATEGY_MESSAGE) String strategy) {}

    record TeamResponse(
            String id,
            String name,
            List<String> skills,
            int tier,
            String strategy,
            long version,
            Instant createdAt,
            Instant updatedAt) {

        static TeamResponse of(Team team) {
            return new TeamResponse(
                    team.id(),
                    team.name(),
                    team.skills(),
                    team.tier(),
                    team.strategy().apiName(),
                    team.version(),
                    team.createdAt(),
                    team.updatedAt());
        }
    }
}
