package io.touchpoint.ticket.domain;

import io.touchpoint.events.ticket.Priority;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A copy of a ticket with some fields changed; keeps the transitions of {@link Ticket} readable. */
final class TicketCopy {

    private final Ticket from;
    private TicketStatus status;
    private Priority priority;
    private String title;
    private Requester requester;
    private Assignment assignment;
    private List<String> tags;
    private Map<String, FieldValue> customFields;
    private Milestones milestones;
    private ReplyThreading replyThreading;
    private String mergedInto;
    private List<String> mergedFrom;
    private Instant updatedAt;

    TicketCopy(Ticket from) {
        this.from = from;
        this.status = from.status();
        this.priority = from.priority();
        this.title = from.title();
        this.requester = from.requester();
        this.assignment = from.assignment();
        this.tags = from.tags();
        this.customFields = from.customFields();
        this.milestones = from.milestones();
        this.replyThreading = from.replyThreading();
        this.mergedInto = from.mergedInto();
        this.mergedFrom = from.mergedFrom();
        this.updatedAt = from.updatedAt();
    }

    TicketCopy status(TicketStatus status) {
        this.status = status;
        return this;
    }

    TicketCopy priority(Priority priority) {
        this.priority = priority;
        return this;
    }

    TicketCopy title(String title) {
        this.title = title;
        return this;
    }

    TicketCopy requester(Requester requester) {
        this.requester = requester;
        return this;
    }

    TicketCopy assignment(Assignment assignment) {
        this.assignment = assignment;
        return this;
    }

    TicketCopy tags(List<String> tags) {
        this.tags = tags;
        return this;
    }

    TicketCopy customFields(Map<String, FieldValue> customFields) {
        this.customFields = customFields;
        return this;
    }

    TicketCopy milestones(Milestones milestones) {
        this.milestones = milestones;
        return this;
    }

    TicketCopy replyThreading(ReplyThreading replyThreading) {
        this.replyThreading = replyThreading;
        return this;
    }

    TicketCopy mergedInto(String mergedInto) {
        this.mergedInto = mergedInto;
        return this;
    }

    TicketCopy mergedFrom(List<String> mergedFrom) {
        this.mergedFrom = mergedFrom;
        return this;
    }

    TicketCopy updatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
        return this;
    }

    Ticket build() {
        return new Ticket(
                from.id(),
                from.tenantId(),
                from.conversationId(),
                status,
                priority,
                title,
                requester,
                assignment,
                tags,
                customFields,
                milestones,
                replyThreading,
                mergedInto,
                mergedFrom,
                from.version(),
                from.createdAt(),
                updatedAt);
    }
}
