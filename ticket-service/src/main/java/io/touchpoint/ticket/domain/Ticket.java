package io.touchpoint.ticket.domain;

import io.touchpoint.events.Actor;
import io.touchpoint.events.Channel;
import io.touchpoint.events.MessageContent;
import io.touchpoint.events.interaction.InteractionReceived;
import io.touchpoint.events.reply.ReplyRequested;
import io.touchpoint.events.ticket.Priority;
import io.touchpoint.events.ticket.TicketAssigned;
import io.touchpoint.events.ticket.TicketCreated;
import io.touchpoint.events.ticket.TicketReopened;
import io.touchpoint.events.ticket.TicketResolved;
import io.touchpoint.events.ticket.TicketResolved.Resolution;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A customer's request and the conversation about it. Every change returns the ticket as it is afterwards together
 * with the events the change causes ({@link TicketChange}); a change the status does not allow throws
 * {@link InvalidTransitionException}.
 *
 * @param conversationId the conversation, {@code cnv_…}: the channel's when it has one, else one made for the ticket
 * @param title a short summary: the email subject, or the start of the first message
 * @param replyThreading what the next reply answers: the customer's latest message
 * @param mergedInto the ticket this one was merged into; it is closed then
 * @param mergedFrom the tickets merged into this one, whose messages it shows
 * @param version incremented by every stored change; the resource's ETag
 */
public record Ticket(
        String id,
        String tenantId,
        String conversationId,
        TicketStatus status,
        Priority priority,
        String title,
        Requester requester,
        Assignment assignment,
        List<String> tags,
        Map<String, FieldValue> customFields,
        Milestones milestones,
        ReplyThreading replyThreading,
        String mergedInto,
        List<String> mergedFrom,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static final String ID_PREFIX = "tkt";

    public static final String CONVERSATION_PREFIX = "cnv";

    public static final int MAX_TITLE_LENGTH = 200;

    private static final int DERIVED_TITLE_LENGTH = 80;

    private static final Pattern CONVERSATION_ID = Pattern.compile("cnv_[A-Za-z0-9_-]{1,100}");

    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");

    public Ticket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(requester, "requester");
        priority = priority != null ? priority : Priority.NORMAL;
        assignment = assignment != null ? assignment : Assignment.NONE;
        tags = List.copyOf(tags != null ? tags : List.of());
        customFields = Map.copyOf(customFields != null ? customFields : Map.of());
        milestones = milestones != null ? milestones : new Milestones(null, null, null, 0);
        replyThreading = replyThreading != null ? replyThreading : ReplyThreading.NONE;
        mergedFrom = List.copyOf(mergedFrom != null ? mergedFrom : List.of());
    }

    /** A new ticket opened by the customer's message {@code first}. */
    public static TicketChange open(String id, String tenantId, InteractionReceived first, Instant now) {
        var requester = new Requester(
                first.channel(), first.connectionId(), first.customer(), null, languageOf(first.language()));
        var ticket = new Ticket(
                id,
                tenantId,
                conversationIdFor(id, first),
                TicketStatus.NEW,
                Priority.NORMAL,
                titleOf(first.content()),
                requester,
                Assignment.NONE,
                List.of(),
                Map.of(),
                new Milestones(first.receivedAt(), null, null, 0),
                ReplyThreading.answering(first),
                null,
                List.of(),
                0,
                now,
                now);
        return TicketChange.of(
                ticket,
                new TicketCreated(
                        id,
                        ticket.conversationId(),
                        null,
                        first.interactionId(),
                        first.channel(),
                        first.connectionId(),
                        first.customer(),
                        ticket.title(),
                        ticket.priority(),
                        null,
                        List.of(),
                        List.of(),
                        now));
    }

    /**
     * The conversation of a ticket opened by {@code message}: the channel's own when it names one, else one derived
     * from the ticket id, so that every replica opening the same ticket picks the same.
     */
    public static String conversationIdFor(String ticketId, InteractionReceived message) {
        String given = message.thread().conversationId();
        return given != null && CONVERSATION_ID.matcher(given).matches()
                ? given
                : Ids.withPrefix(ticketId, CONVERSATION_PREFIX);
    }

    /**
     * Whether a customer message written at {@code at} belongs on this ticket: not once it is closed, and not once it
     * has been resolved for longer than {@code reopenWindow}; such a message opens a new ticket instead.
     */
    public boolean takesCustomerMessageAt(Instant at, Duration reopenWindow) {
        return switch (status) {
            case CLOSED -> false;
            case RESOLVED -> milestones.resolvedAt() == null
                    || !at.isAfter(milestones.resolvedAt().plus(reopenWindow));
            case NEW, OPEN, PENDING, ON_HOLD -> true;
        };
    }

    /** The customer wrote again: waiting ends, and a resolved ticket is reopened. */
    public TicketChange receive(InteractionReceived message, Instant now) {
        TicketStatus next = status.afterCustomerMessage();
        Instant last = milestones.lastCustomerMessageAt();
        boolean latest = last == null || !message.receivedAt().isBefore(last);
        TicketCopy received = copy().status(next)
                .replyThreading(latest ? ReplyThreading.answering(message) : replyThreading)
                .milestones(new Milestones(
                        latest ? message.receivedAt() : last,
                        milestones.firstResponseAt(),
                        milestones.resolvedAt(),
                        milestones.reopenCount()))
                .updatedAt(now);
        if (requester.language() == null && languageOf(message.language()) != null) {
            received.requester(new Requester(
                    requester.channel(),
                    requester.connectionId(),
                    requester.handle(),
                    requester.profileId(),
                    languageOf(message.language())));
        }
        if (status != TicketStatus.RESOLVED) {
            return TicketChange.of(received.build());
        }
        int reopenCount = milestones.reopenCount() + 1;
        Ticket reopened = received.milestones(new Milestones(
                        latest ? message.receivedAt() : last, milestones.firstResponseAt(), null, reopenCount))
                .build();
        return TicketChange.of(
                reopened,
                new TicketReopened(
                        id,
                        TicketReopened.Reason.CUSTOMER_REPLY,
                        message.interactionId(),
                        customer(message),
                        milestones.resolvedAt(),
                        reopenCount,
                        now));
    }

    /**
     * An agent moves the ticket to {@code target}; moving to the status it has changes nothing.
     *
     * @param resolution how it ended, when {@code target} is resolved; solved when null
     */
    public TicketChange moveTo(TicketStatus target, Resolution resolution, Actor actor, Instant now) {
        if (target == status) {
            return TicketChange.of(this);
        }
        if (!status.canMoveTo(target)) {
            throw new InvalidTransitionException(
                    status == TicketStatus.CLOSED
                            ? "Ticket " + id + " is closed and does not change any more."
                            : "A " + status.apiName() + " ticket cannot be moved to " + target.apiName() + ".");
        }
        return switch (target) {
            case RESOLVED -> resolve(resolution, actor, now);
            case OPEN -> status == TicketStatus.RESOLVED
                    ? reopen(actor, now)
                    : TicketChange.of(copy().status(target).updatedAt(now).build());
            case NEW, PENDING, ON_HOLD, CLOSED -> TicketChange.of(
                    copy().status(target).updatedAt(now).build());
        };
    }

    /** Changes priority, title, tags, custom fields or assignment; a new assignment to a team is announced. */
    public TicketChange edit(EditTicket edit, Actor actor, Instant now) {
        requireNotClosed("changed");
        var assignment = new Assignment(
                Patch.apply(edit.teamId(), this.assignment.teamId()),
                Patch.apply(edit.assigneeId(), this.assignment.assigneeId()));
        Ticket edited = copy().title(edit.title() != null ? requireTitle(edit.title()) : title)
                .priority(edit.priority() != null ? edit.priority() : priority)
                .tags(edit.tags() != null ? Tags.normalize(edit.tags()) : tags)
                .customFields(
                        edit.customFields() != null
                                ? CustomFields.apply(customFields, edit.customFields())
                                : customFields)
                .assignment(assignment)
                .build();
        if (edited.equals(this)) {
            return TicketChange.of(this);
        }
        edited = edited.copy().updatedAt(now).build();
        if (assignment.equals(this.assignment) || assignment.teamId() == null) {
            return TicketChange.of(edited);
        }
        return TicketChange.of(
                edited,
                new TicketAssigned(
                        id,
                        assignment.teamId(),
                        assignment.assigneeId(),
                        this.assignment.teamId(),
                        this.assignment.assigneeId(),
                        TicketAssigned.Reason.MANUAL,
                        actor,
                        now));
    }

    /**
     * Routing, escalation or a transfer gives the ticket to {@code to}: a team, and an agent of it or else its queue.
     * A change is announced with {@code reason}; taking the ticket from every team is not (the event names a team).
     */
    public TicketChange assign(Assignment to, TicketAssigned.Reason reason, Actor actor, Instant now) {
        requireNotClosed("assigned");
        if (to.equals(assignment)) {
            return TicketChange.of(this);
        }
        Ticket assigned = copy().assignment(to).updatedAt(now).build();
        if (to.teamId() == null) {
            return TicketChange.of(assigned);
        }
        return TicketChange.of(
                assigned,
                new TicketAssigned(
                        id,
                        to.teamId(),
                        to.assigneeId(),
                        assignment.teamId(),
                        assignment.assigneeId(),
                        reason,
                        actor,
                        now));
    }

    /**
     * What an agent's reply asks channel-service to send: to the requester, through the ticket's connection, threaded
     * under the customer's latest message; an email reply without a subject gets {@code Re: <title>}.
     */
    public ReplyRequested reply(String replyId, MessageContent content, Actor agent, Instant now) {
        requireNotClosed("replied to");
        MessageContent addressed = content;
        if (requester.channel() == Channel.EMAIL && content.subjectLine() == null && title != null) {
            String subject = title.regionMatches(true, 0, "re:", 0, 3) ? title : "Re: " + title;
            addressed = new MessageContent(subject, content.text(), content.html(), content.attachments());
        }
        return new ReplyRequested(
                replyId,
                id,
                conversationId,
                requester.connectionId(),
                requester.channel(),
                requester.handle(),
                addressed,
                replyThreading.inReplyTo(),
                replyThreading.references(),
                agent,
                now);
    }

    /**
     * The ticket after an agent replied: the first response is noted, and it moves to {@code statusAfter}, or from
     * new to open when that is null.
     */
    public TicketChange replied(TicketStatus statusAfter, Actor agent, Instant now) {
        requireNotClosed("replied to");
        Ticket answered = copy().milestones(new Milestones(
                        milestones.lastCustomerMessageAt(),
                        milestones.firstResponseAt() != null ? milestones.firstResponseAt() : now,
                        milestones.resolvedAt(),
                        milestones.reopenCount()))
                .updatedAt(now)
                .build();
        TicketStatus target =
                statusAfter != null ? statusAfter : status == TicketStatus.NEW ? TicketStatus.OPEN : status;
        return answered.moveTo(target, null, agent, now);
    }

    /** An agent added an internal note. */
    public TicketChange noted(Instant now) {
        requireNotClosed("given notes");
        return TicketChange.of(copy().updatedAt(now).build());
    }

    /** This ticket is merged into {@code target}: it is closed, and points at the target for good. */
    public TicketChange mergeInto(Ticket target, Instant now) {
        if (id.equals(target.id())) {
            throw new InvalidFieldException("sourceTicketId", "a ticket cannot be merged into itself");
        }
        if (status == TicketStatus.CLOSED) {
            throw new InvalidTransitionException("Ticket " + id + " is closed and cannot be merged.");
        }
        if (target.status() == TicketStatus.CLOSED) {
            throw new InvalidTransitionException(
                    "Ticket " + target.id() + " is closed; merge into a ticket that is not closed.");
        }
        return TicketChange.of(copy().status(TicketStatus.CLOSED)
                .mergedInto(target.id())
                .updatedAt(now)
                .build());
    }

    /** {@code source} was merged into this ticket, which now shows its messages too. */
    public TicketChange absorb(Ticket source, Instant now) {
        if (!id.equals(source.mergedInto())) {
            throw new IllegalArgumentException(source.id() + " was not merged into " + id);
        }
        if (mergedFrom.contains(source.id())) {
            return TicketChange.of(this);
        }
        List<String> merged = new ArrayList<>(mergedFrom);
        merged.add(source.id());
        source.mergedFrom().stream().filter(other -> !merged.contains(other)).forEach(merged::add);
        return TicketChange.of(copy().mergedFrom(merged).updatedAt(now).build());
    }

    /** The ticket as stored at {@code version}. */
    public Ticket withVersion(long version) {
        return new Ticket(
                id,
                tenantId,
                conversationId,
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
                version,
                createdAt,
                updatedAt);
    }

    /** This ticket and the tickets merged into it: whose messages it shows. */
    public List<String> messageSources() {
        List<String> sources = new ArrayList<>(mergedFrom.size() + 1);
        sources.add(id);
        sources.addAll(mergedFrom);
        return sources;
    }

    private TicketChange resolve(Resolution resolution, Actor actor, Instant now) {
        Ticket resolved = copy().status(TicketStatus.RESOLVED)
                .milestones(new Milestones(
                        milestones.lastCustomerMessageAt(),
                        milestones.firstResponseAt(),
                        now,
                        milestones.reopenCount()))
                .updatedAt(now)
                .build();
        Long firstResponseSeconds =
                milestones.firstResponseAt() != null ? seconds(createdAt, milestones.firstResponseAt()) : null;
        return TicketChange.of(
                resolved,
                new TicketResolved(
                        id,
                        conversationId,
                        requester.profileId(),
                        requester.channel(),
                        requester.connectionId(),
                        requester.handle(),
                        requester.language(),
                        assignment.teamId(),
                        assignment.assigneeId(),
                        resolution != null ? resolution : Resolution.SOLVED,
                        actor,
                        firstResponseSeconds,
                        seconds(createdAt, now),
                        milestones.reopenCount(),
                        now));
    }

    private TicketChange reopen(Actor actor, Instant now) {
        int reopenCount = milestones.reopenCount() + 1;
        Ticket reopened = copy().status(TicketStatus.OPEN)
                .milestones(new Milestones(
                        milestones.lastCustomerMessageAt(), milestones.firstResponseAt(), null, reopenCount))
                .updatedAt(now)
                .build();
        return TicketChange.of(
                reopened,
                new TicketReopened(
                        id, TicketReopened.Reason.AGENT, null, actor, milestones.resolvedAt(), reopenCount, now));
    }

    private void requireNotClosed(String what) {
        if (status == TicketStatus.CLOSED) {
            throw new InvalidTransitionException("Ticket " + id + " is closed and cannot be " + what + ".");
        }
    }

    /**
     * The customer as the actor of a change. The contract wants an id for a customer: the profile when it is known,
     * else the handle the customer wrote from.
     */
    private Actor customer(InteractionReceived message) {
        String customerId = requester.profileId() != null
                ? requester.profileId()
                : message.customer().value();
        return new Actor(Actor.Kind.CUSTOMER, customerId, message.customer().displayName());
    }

    private static String requireTitle(String title) {
        String trimmed = title.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_TITLE_LENGTH) {
            throw new InvalidFieldException("title", "must be 1 to " + MAX_TITLE_LENGTH + " characters");
        }
        return trimmed;
    }

    private static String titleOf(MessageContent content) {
        if (content.subjectLine() != null && !content.subjectLine().isBlank()) {
            String subject = content.subjectLine().strip();
            return subject.length() > MAX_TITLE_LENGTH ? subject.substring(0, MAX_TITLE_LENGTH) : subject;
        }
        String text = content.text() == null ? "" : content.text().strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            return "(no text)";
        }
        return text.length() > DERIVED_TITLE_LENGTH ? text.substring(0, DERIVED_TITLE_LENGTH - 1) + "…" : text;
    }

    private static String languageOf(String tag) {
        return tag != null && LANGUAGE.matcher(tag).matches() ? tag.toLowerCase(Locale.ROOT) : null;
    }

    private static long seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).getSeconds());
    }

    private TicketCopy copy() {
        return new TicketCopy(this);
    }
}
