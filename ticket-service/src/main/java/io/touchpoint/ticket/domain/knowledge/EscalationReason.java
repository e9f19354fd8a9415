package io.touchpoint.ticket.domain.knowledge;

/** Why the bot handed a conversation to a person. */
public enum EscalationReason {
    /** The customer used one of the tenant's escalation phrases ("agent", "talk to a person", …). */
    CUSTOMER_ASKED_FOR_PERSON,
    /** No published article reached the tenant's confidence threshold. */
    NO_CONFIDENT_ANSWER,
    /** The tenant switched the bot off: every conversation goes to a person, and the bot says nothing. */
    BOT_DISABLED
}
