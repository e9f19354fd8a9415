package io.touchpoint.events.survey;

import io.touchpoint.events.Channel;
import io.touchpoint.events.EventPayload;
import io.touchpoint.events.Handle;
import java.net.URI;
import java.time.Instant;

/**
 * Feedback-service wants a survey sent to a customer; channel-service sends it on the given connection.
 *
 * @param surveyId the survey, {@code srv_…}; channel-service sends each survey id once
 * @param kind what it asks
 * @param ticketId the ticket it rates, if any
 * @param profileId the customer's profile, if known
 * @param conversationId the conversation to send it in, if any
 * @param connectionId the channel connection to send through
 * @param channel the kind of channel
 * @param recipient whom to send it to
 * @param language the language to ask in (BCP 47)
 * @param surveyUrl where the customer answers, for channels that send a link
 * @param expiresAt after this, answers are refused
 * @param requestedAt when the survey was requested
 */
public record SurveyRequested(
        String surveyId,
        SurveyKind kind,
        String ticketId,
        String profileId,
        String conversationId,
        String connectionId,
        Channel channel,
        Handle recipient,
        String language,
        URI surveyUrl,
        Instant expiresAt,
        Instant requestedAt)
        implements EventPayload {

    @Override
    public String subject() {
        return this.surveyId;
    }
}
