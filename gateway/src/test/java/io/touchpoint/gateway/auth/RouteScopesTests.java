package io.touchpoint.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouteScopesTests {

    private final RouteScopes defaults = RouteScopes.defaults();

    @Test
    void readsNeedTheReadScopeAndOtherMethodsTheWriteScope() {
        assertThat(defaults.required("GET", "/v1/profiles/prf_1")).contains(Set.of("profiles:read"));
        assertThat(defaults.required("HEAD", "/v1/profiles")).contains(Set.of("profiles:read"));
        assertThat(defaults.required("POST", "/v1/profiles")).contains(Set.of("profiles:write"));
        assertThat(defaults.required("delete", "/v1/feedback/srv_1")).contains(Set.of("feedback:write"));
    }

    @Test
    void agentsMayReadAndWriteTickets() {
        assertThat(defaults.permits(Set.of("agent"), "POST", "/v1/tickets/tkt_1/escalate"))
                .isTrue();
        assertThat(defaults.permits(Set.of("agent"), "GET", "/v1/tickets")).isTrue();
        assertThat(defaults.permits(Set.of("tickets:read"), "PATCH", "/v1/tickets/tkt_1"))
                .isFalse();
    }

    @Test
    void channelAdministrationNeedsChannelsAdmin() {
        assertThat(defaults.permits(Set.of("channels:read"), "GET", "/v1/channels/connections"))
                .isTrue();
        assertThat(defaults.permits(Set.of("channels:read"), "POST", "/v1/channels/connections"))
                .isFalse();
        assertThat(defaults.permits(Set.of("channels:admin"), "POST", "/v1/channels/connections"))
                .isTrue();
    }

    @Test
    void everyAdminPathNeedsTheAdminScope() {
        assertThat(defaults.required("GET", "/v1/admin/plans/free")).contains(Set.of("admin"));
        assertThat(defaults.permits(Scopes.ALL, "POST", "/v1/admin/tenants")).isFalse();
    }

    @Test
    void prefixRulesDoNotMatchLongerSegmentNames() {
        assertThat(defaults.required("GET", "/v1/profilesx")).isEmpty();
        assertThat(defaults.required("GET", "/v1/adminx/tenants")).isEmpty();
    }

    @Test
    void firstMatchingRuleWins() {
        RouteScopes scopes = new RouteScopes(List.of(
                new RouteScopes.Rule("/v1/tickets/reports", Set.of("GET"), Set.of("reports:read")),
                new RouteScopes.Rule("/v1/tickets/**", Set.of(), Set.of("tickets:read"))));

        assertThat(scopes.required("GET", "/v1/tickets/reports")).contains(Set.of("reports:read"));
        assertThat(scopes.required("GET", "/v1/tickets/tkt_1")).contains(Set.of("tickets:read"));
    }

    @Test
    void ruleWithoutScopesIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RouteScopes.Rule("/v1/x/**", Set.of(), Set.of()));
    }
}
