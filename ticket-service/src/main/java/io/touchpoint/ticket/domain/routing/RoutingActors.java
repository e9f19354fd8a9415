package io.touchpoint.ticket.domain.routing;

import io.touchpoint.events.Actor;

/** Who the events of routing name as having acted. */
public final class RoutingActors {

    /** The bot that answers customers first; an automation, as the contract has no kind for bots. */
    public static final Actor BOT = new Actor(Actor.Kind.AUTOMATION, "bot", "Virtual assistant");

    /** Routing picking an agent by the team's strategy. */
    public static final Actor ROUTING = Actor.automation("routing");

    private RoutingActors() {}

    /** A triage rule, or routing when no rule acted. */
    public static Actor rule(String ruleId) {
        return ruleId != null ? Actor.automation(ruleId) : ROUTING;
    }
}
