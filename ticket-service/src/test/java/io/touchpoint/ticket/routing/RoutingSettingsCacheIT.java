package io.touchpoint.ticket.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.touchpoint.test.infrastructure.RealInfrastructure;
import io.touchpoint.ticket.application.routing.RoutingSettingsStore;
import io.touchpoint.ticket.domain.routing.RoutingSettings;
import io.touchpoint.ticket.support.TicketApi;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Customer messages are routed with the settings this replica last read or wrote, kept for
 * {@code touchpoint.ticket.routing.settings-cache}; a write here or a read through the API refreshes them at once.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "touchpoint.tenant-context.key=" + TicketApi.TENANT_CONTEXT_KEY,
            // Longer than the test could ever stall: what it sees is this replica's cache, not how fast it ran.
            "touchpoint.ticket.routing.settings-cache=1h"
        })
@RealInfrastructure
class RoutingSettingsCacheIT {

    @LocalServerPort
    int port;

    @Autowired
    RoutingSettingsStore store;

    @Autowired
    MongoTemplate mongo;

    @Test
    void messagesAreRoutedWithTheSettingsThisReplicaLastReadOrWrote() {
        String tenant = "tenant_" + UUID.randomUUID().toString().substring(0, 8);
        RoutingApi routing = new RoutingApi(port, tenant);
        String first = routing.team("{\"name\": \"First line\"}");
        String second = routing.team("{\"name\": \"Second line\"}");
        assertThat(store.recent(tenant)).as("a tenant without settings").isEmpty();

        routing.settings("{\"defaultTeamId\": \"" + first + "\"}");
        assertThat(store.recent(tenant)).map(RoutingSettings::defaultTeamId).contains(first);

        // Another replica changes them: this one keeps what it wrote until its cache time (1 h here) has passed.
        mongo.updateFirst(
                query(where("_id").is(tenant)),
                new Update().set("defaultTeamId", second).inc("version", 1),
                "routing_settings");
        assertThat(store.recent(tenant)).map(RoutingSettings::defaultTeamId).contains(first);

        // Reading them through the API reads the database, and the messages that follow are routed with that.
        assertThat(routing.admin().get("/v1/tickets/routing-settings").body()).contains(second);
        assertThat(store.recent(tenant)).map(RoutingSettings::defaultTeamId).contains(second);
    }
}
