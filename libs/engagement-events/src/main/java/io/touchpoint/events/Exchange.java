package io.touchpoint.events;

/**
 * The durable topic exchange of each producing service. An event is published to its producer's exchange with
 * its {@link EventType#routingKey() routing key}.
 */
public enum Exchange {
    CHANNEL("touchpoint.channel", "channel-service"),
    TICKET("touchpoint.ticket", "ticket-service"),
    FEEDBACK("touchpoint.feedback", "feedback-service"),
    PROFILE("touchpoint.profile", "profile-service");

    private final String exchangeName;

    private final String serviceName;

    Exchange(String exchangeName, String serviceName) {
        this.exchangeName = exchangeName;
        this.serviceName = serviceName;
    }

    /** The AMQP exchange name, e.g. {@code touchpoint.ticket}. */
    public String exchangeName() {
        return this.exchangeName;
    }

    /** The service that owns the exchange and is the only one publishing to it, e.g. {@code ticket-service}. */
    public String serviceName() {
        return this.serviceName;
    }

    /** The CloudEvents {@code source} of the events this service publishes, e.g. {@code /touchpoint/ticket-service}. */
    public String source() {
        return "/touchpoint/" + this.serviceName;
    }
}
