package io.touchpoint.channel.application.outbound;

import io.micrometer.core.instrument.MeterRegistry;
import io.touchpoint.channel.application.MetricTags;
import io.touchpoint.channel.domain.outbound.OutboundDelivery;
import io.touchpoint.channel.domain.outbound.OutboundMessage;
import io.touchpoint.channel.domain.outbound.OutboundMessage.Origin;
import io.touchpoint.events.Channel;
import io.touchpoint.events.Handle;
import io.touchpoint.events.MessageContent;
import io.touchpoint.events.reply.ReplyRequested;
import io.touchpoint.events.survey.SurveyRequested;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Turns {@code reply.requested} and {@code survey.requested} into one queued outbound message each. The message id is
 * derived from the reply or survey id, so a redelivered request finds the message stored the first time and changes
 * nothing; sending happens on the delivery worker, never on the thread that received the request.
 */
@Service
public class OutboundRequests {

    private static final Logger log = LoggerFactory.getLogger(OutboundRequests.class);

    private final OutboundMessageStore store;

    private final DeliveryWorker worker;

    private final MeterRegistry meters;

    private final Clock clock;

    public OutboundRequests(OutboundMessageStore store, DeliveryWorker worker, MeterRegistry meters, Clock clock) {
        this.store = store;
        this.worker = worker;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Queues the reply for sending.
     *
     * @return the outbound message's id
     * @throws IllegalArgumentException when the request lacks what sending needs; retrying it cannot help
     */
    public String replyRequested(String tenantId, ReplyRequested reply) {
        require(reply.replyId(), "replyId");
        requireTarget(reply.connectionId(), reply.channel(), reply.recipient());
        MessageContent content = reply.content();
        if (content == null || ((content.text() == null || content.text().isBlank()) && content.html() == null)) {
            throw new IllegalArgumentException("reply " + reply.replyId() + " has no content");
        }
        Origin origin = Origin.reply(reply.replyId());
        return queue(new OutboundMessage(
                OutboundMessage.idFor(tenantId, origin),
                tenantId,
                reply.connectionId(),
                reply.channel(),
                reply.recipient(),
                content,
                null,
                reply.inReplyTo(),
                reply.references(),
                origin,
                reply.ticketId(),
                reply.conversationId(),
                null));
    }

    /**
     * Queues a message with the survey's link.
     *
     * @return the outbound message's id
     * @throws IllegalArgumentException when the request lacks what sending needs; retrying it cannot help
     */
    public String surveyRequested(String tenantId, SurveyRequested survey) {
        require(survey.surveyId(), "surveyId");
        requireTarget(survey.connectionId(), survey.channel(), survey.recipient());
        if (survey.surveyUrl() == null) {
            throw new IllegalArgumentException("survey " + survey.surveyId() + " has no surveyUrl to send");
        }
        Origin origin = Origin.survey(survey.surveyId());
        return queue(new OutboundMessage(
                OutboundMessage.idFor(tenantId, origin),
                tenantId,
                survey.connectionId(),
                survey.channel(),
                survey.recipient(),
                SurveyInvitations.content(survey),
                null,
                null,
                null,
                origin,
                survey.ticketId(),
                survey.conversationId(),
                survey.language()));
    }

    private String queue(OutboundMessage message) {
        boolean stored = store.insertIfAbsent(OutboundDelivery.queue(message, clock.instant()));
        String channel = MetricTags.tag(message.channel());
        meters.counter(
                        "touchpoint.channel.outbound.requests",
                        "channel",
                        channel,
                        "outcome",
                        stored ? "queued" : "duplicate")
                .increment();
        if (stored) {
            log.info(
                    "outbound {} message {} queued for {} {} of tenant {}",
                    channel,
                    message.id(),
                    MetricTags.tag(message.origin().kind()),
                    message.origin().id(),
                    message.tenantId());
        } else {
            log.debug("outbound message {} was queued before: request redelivered", message.id());
        }
        worker.trigger(message.channel(), message.id());
        return message.id();
    }

    private static void requireTarget(String connectionId, Channel channel, Handle recipient) {
        require(connectionId, "connectionId");
        if (channel == null) {
            throw new IllegalArgumentException("channel is missing");
        }
        if (recipient == null || recipient.value() == null || recipient.value().isBlank()) {
            throw new IllegalArgumentException("recipient is missing");
        }
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is missing");
        }
    }
}
