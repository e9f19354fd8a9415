package io.touchpoint.events;

import io.touchpoint.events.feedback.FeedbackSubmitted;
import io.touchpoint.events.interaction.InteractionReceived;
import io.touchpoint.events.message.MessageDelivered;
import io.touchpoint.events.message.MessageFailed;
import io.touchpoint.events.privacy.PrivacyErasureCompleted;
import io.touchpoint.events.privacy.PrivacyErasureRequested;
import io.touchpoint.events.profile.ProfileCreated;
import io.touchpoint.events.profile.ProfileMerged;
import io.touchpoint.events.profile.ProfileUnmerged;
import io.touchpoint.events.profile.ProfileUpdated;
import io.touchpoint.events.reply.ReplyRequested;
import io.touchpoint.events.survey.SurveyRequested;
import io.touchpoint.events.ticket.TicketAssigned;
import io.touchpoint.events.ticket.TicketCreated;
import io.touchpoint.events.ticket.TicketEscalated;
import io.touchpoint.events.ticket.TicketReopened;
import io.touchpoint.events.ticket.TicketResolved;
import io.touchpoint.events.ticket.TicketSlaBreached;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every engagement event Touchpoint publishes, version 1: its CloudEvents type, routing key, exchange, payload
 * record, JSON Schema and golden sample. A breaking change is a new constant with a {@code v2} type, published
 * beside this one until consumers move.
 */
public enum EventType {
    INTERACTION_RECEIVED("interaction.received", Exchange.CHANNEL, InteractionReceived.class),
    MESSAGE_DELIVERED("message.delivered", Exchange.CHANNEL, MessageDelivered.class),
    MESSAGE_FAILED("message.failed", Exchange.CHANNEL, MessageFailed.class),
    REPLY_REQUESTED("reply.requested", Exchange.TICKET, ReplyRequested.class),
    TICKET_CREATED("ticket.created", Exchange.TICKET, TicketCreated.class),
    TICKET_ASSIGNED("ticket.assigned", Exchange.TICKET, TicketAssigned.class),
    TICKET_ESCALATED("ticket.escalated", Exchange.TICKET, TicketEscalated.class),
    TICKET_SLA_BREACHED("ticket.sla_breached", Exchange.TICKET, TicketSlaBreached.class),
    TICKET_RESOLVED("ticket.resolved", Exchange.TICKET, TicketResolved.class),
    TICKET_REOPENED("ticket.reopened", Exchange.TICKET, TicketReopened.class),
    SURVEY_REQUESTED("survey.requested", Exchange.FEEDBACK, SurveyRequested.class),
    FEEDBACK_SUBMITTED("feedback.submitted", Exchange.FEEDBACK, FeedbackSubmitted.class),
    PROFILE_CREATED("profile.created", Exchange.PROFILE, ProfileCreated.class),
    PROFILE_UPDATED("profile.updated", Exchange.PROFILE, ProfileUpdated.class),
    PROFILE_MERGED("profile.merged", Exchange.PROFILE, ProfileMerged.class),
    PROFILE_UNMERGED("profile.unmerged", Exchange.PROFILE, ProfileUnmerged.class),
    PRIVACY_ERASURE_REQUESTED("privacy.erasure_requested", Exchange.PROFILE, PrivacyErasureRequested.class),
    PRIVACY_ERASURE_COMPLETED("privacy.erasure_completed", Exchange.PROFILE, PrivacyErasureCompleted.class);

    private static final String VERSION = "v1";

    private static final String TYPE_PREFIX = "io.touchpoint.";

    private static final String RESOURCE_ROOT = "/io/touchpoint/events/";

    private static final String SCHEMA_ID_ROOT = "https://touchpoint.dev/schemas/events/";

    private static final Map<String, EventType> BY_TYPE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));

    private static final Map<Class<? extends EventPayload>, EventType> BY_PAYLOAD =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::payloadType, Function.identity()));

    private final String routingKey;

    private final Exchange exchange;

    private final Class<? extends EventPayload> payloadType;

    EventType(String routingKey, Exchange exchange, Class<? extends EventPayload> payloadType) {
        this.routingKey = routingKey;
        this.exchange = exchange;
        this.payloadType = payloadType;
    }

    /** The CloudEvents type, e.g. {@code io.touchpoint.ticket.escalated.v1}. */
    public String type() {
        return TYPE_PREFIX + this.routingKey + "." + VERSION;
    }

    /** The AMQP routing key: the event's short name, e.g. {@code ticket.escalated}. */
    public String routingKey() {
        return this.routingKey;
    }

    /** The area the event belongs to, the first part of its short name, e.g. {@code ticket}. */
    public String area() {
        return this.routingKey.substring(0, this.routingKey.indexOf('.'));
    }

    /** The exchange of the service that produces the event. */
    public Exchange exchange() {
        return this.exchange;
    }

    /** The CloudEvents source of the producer, e.g. {@code /touchpoint/ticket-service}. */
    public String source() {
        return this.exchange.source();
    }

    /** The record the event's data deserializes into. */
    public Class<? extends EventPayload> payloadType() {
        return this.payloadType;
    }

    /** The {@code $id} of the data's JSON Schema, usable as the CloudEvents {@code dataschema}. */
    public String dataSchema() {
        return SCHEMA_ID_ROOT + this.routingKey + "." + VERSION + ".json";
    }

    /** Classpath location of the data's JSON Schema (draft 2020-12). */
    public String schemaResource() {
        return RESOURCE_ROOT + "schemas/" + this.routingKey + "." + VERSION + ".schema.json";
    }

    /** Classpath location of the golden sample of the data, valid against {@link #schemaResource()}. */
    public String sampleResource() {
        return RESOURCE_ROOT + "samples/" + this.routingKey + "." + VERSION + ".json";
    }

    /** The event type with the given CloudEvents type, empty for a type this contract does not define. */
    public static Optional<EventType> fromType(String cloudEventType) {
        return (cloudEventType != null) ? Optional.ofNullable(BY_TYPE.get(cloudEventType)) : Optional.empty();
    }

    /**
     * The event type whose payload is {@code payloadType}.
     * @throws IllegalArgumentException if no event type carries that payload
     */
    public static EventType of(Class<? extends EventPayload> payloadType) {
        EventType eventType = BY_PAYLOAD.get(payloadType);
        if (eventType == null) {
            throw new IllegalArgumentException(payloadType.getName() + " is not the payload of any event type");
        }
        return eventType;
    }
}
