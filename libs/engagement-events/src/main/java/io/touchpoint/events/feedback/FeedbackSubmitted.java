package io.touchpoint.events.feedback;

import io.touchpoint.events.EventPayload;
import io.touchpoint.events.survey.SurveyKind;
import java.time.Instant;

/**
 * A customer answered a survey. Ticket-service may reopen the rated ticket on a low score.
 *
 * @param surveyId the survey answered, {@code srv_…}
 * @param kind what it asked; {@code score} is on {@link SurveyKind#minScore()}..{@link SurveyKind#maxScore()}
 * @param ticketId the ticket rated, if any
 * @param profileId the customer's profile, if known
 * @param teamId the team rated, if any
 * @param assigneeId the agent rated, if any
 * @param score the answer
 * @param comment the customer's own words, if any
 * @param language the language of the comment (BCP 47), if known
 * @param submittedAt when the customer answered
 */
public record FeedbackSubmitted(
        String surveyId,
        SurveyKind kind,
        String ticketId,
        String profileId,
        String teamId,
        String assigneeId,
        int score,
        String comment,
        String language,
        Instant submittedAt)
        implements EventPayload {

    @Override
    public String subject() {
        return this.surveyId;
    }
}
