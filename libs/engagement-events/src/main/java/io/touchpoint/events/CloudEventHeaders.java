package io.touchpoint.events;

/**
 * AMQP application-property names of the CloudEvents AMQP protocol binding in binary content mode: each context
 * attribute is a header with the {@code cloudEvents_} prefix and the body is the event data.
 *
 * <p>There is no header for {@code datacontenttype}: the binding carries it as the AMQP message's own
 * {@code content-type} property, which is always {@link #CONTENT_TYPE_VALUE}.
 */
public final class CloudEventHeaders {

    /** The prefix the AMQP binding puts before every attribute name. */
    public static final String PREFIX = "cloudEvents_";

    /** Event id, unique per producer; consumers use it to apply an event once. */
    public static final String ID = PREFIX + "id";

    /** Event type, {@code io.touchpoint.<area>.<name>.v1}; see {@link EventType#type()}. */
    public static final String TYPE = PREFIX + "type";

    /** Producer, {@code /touchpoint/<service>}; see {@link Exchange#source()}. */
    public static final String SOURCE = PREFIX + "source";

    /** When the fact happened, an RFC 3339 timestamp in UTC sent as a string. */
    public static final String TIME = PREFIX + "time";

    /** Id of the aggregate the event is about; see {@link EventPayload#subject()}. */
    public static final String SUBJECT = PREFIX + "subject";

    /** CloudEvents specification version, always {@link #SPEC_VERSION_VALUE}. */
    public static final String SPEC_VERSION = PREFIX + "specversion";

    /** URI of the JSON Schema of the data; see {@link EventType#dataSchema()}. Optional. */
    public static final String DATA_SCHEMA = PREFIX + "dataschema";

    /** Touchpoint extension attribute: the tenant the event belongs to. */
    public static final String TENANT_ID = PREFIX + "tenantid";

    /** The only CloudEvents version Touchpoint produces. */
    public static final String SPEC_VERSION_VALUE = "1.0";

    /** The AMQP {@code content-type} of every event body (the binding's {@code datacontenttype}). */
    public static final String CONTENT_TYPE_VALUE = "application/json";

    private CloudEventHeaders() {}
}
