package io.touchpoint.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Who caused a change: an agent, an automation rule, the customer, or the platform itself.
 *
 * @param kind the kind of actor
 * @param id the agent, rule or profile id; absent for {@link Kind#SYSTEM}
 * @param displayName a name fit to show in a timeline, if known
 */
public record Actor(Kind kind, String id, String displayName) {

    public static Actor agent(String agentId) {
        return new Actor(Kind.AGENT, agentId, null);
    }

    public static Actor automation(String ruleId) {
        return new Actor(Kind.AUTOMATION, ruleId, null);
    }

    public static Actor system() {
        return new Actor(Kind.SYSTEM, null, null);
    }

    public enum Kind {
        @JsonProperty("agent")
        AGENT,
        @JsonProperty("automation")
        AUTOMATION,
        @JsonProperty("customer")
        CUSTOMER,
        @JsonProperty("system")
        SYSTEM
    }
}
