package io.touchpoint.events.survey;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The question a survey asks, and the scale its score is on. */
public enum SurveyKind {
    /** Customer satisfaction: "How satisfied were you?", 1 to 5. */
    @JsonProperty("csat")
    CSAT(1, 5),
    /** Net promoter score: "How likely are you to recommend us?", 0 to 10. */
    @JsonProperty("nps")
    NPS(0, 10),
    /** Customer effort score: "How easy was it?", 1 to 7. */
    @JsonProperty("ces")
    CES(1, 7);

    private final int minScore;

    private final int maxScore;

    SurveyKind(int minScore, int maxScore) {
        this.minScore = minScore;
        this.maxScore = maxScore;
    }

    public int minScore() {
        return this.minScore;
    }

    public int maxScore() {
        return this.maxScore;
    }
}
