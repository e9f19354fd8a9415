package io.touchpoint.ticket.persistence.routing;

import io.touchpoint.ticket.domain.routing.AssignmentStrategy;
import io.touchpoint.ticket.domain.routing.Team;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** A team as stored. */
@Document(TeamDocument.COLLECTION)
@CompoundIndex(name = "tenant_id", def = "{'tenantId': 1, '_id': 1}")
record TeamDocument(
        @Id String id,
        String tenantId,
        String name,
        List<String> skills,
        int tier,
        AssignmentStrategy strategy,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    static final String COLLECTION = "teams";

    static TeamDocument of(Team team) {
        return new TeamDocument(
                team.id(),
                team.tenantId(),
                team.name(),
                team.skills(),
                team.tier(),
                team.strategy(),
                team.version(),
                team.createdAt(),
                team.updatedAt());
    }

    Team toTeam() {
        return new Team(id, tenantId, name, skills, tier, strategy, version, createdAt, updatedAt);
    }
}
