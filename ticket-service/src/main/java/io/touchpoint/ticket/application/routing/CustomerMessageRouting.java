package io.touchpoint.ticket.application.routing;

import io.micrometer.core.instrument.MeterRegistry;
import io.touchpoint.events.MessageContent;
import io.touchpoint.events.interaction.InteractionReceived;
import io.touchpoint.events.reply.ReplyRequested;
import io.touchpoint.events.ticket.TicketAssigned;
import io.touchpoint.ticket.application.InteractionThreading.Outcome;
import io.touchpoint.ticket.application.InteractionThreading.Threaded;
import io.touchpoint.ticket.application.ThreadKeyStore;
import io.touchpoint.ticket.application.TicketMessageStore;
import io.touchpoint.ticket.application.TicketStore;
import io.touchpoint.ticket.application.knowledge.BotSettingsManagement;
import io.touchpoint.ticket.application.knowledge.FirstResponder;
import io.touchpoint.ticket.domain.EditTicket;
import io.touchpoint.ticket.domain.ThreadKeys;
import io.touchpoint.ticket.domain.Ticket;
import io.touchpoint.ticket.domain.TicketChange;
import io.touchpoint.ticket.domain.TicketMessage;
import io.touchpoint.ticket.domain.TicketStatus;
import io.touchpoint.ticket.domain.knowledge.BotDecision;
import io.touchpoint.ticket.domain.knowledge.BotDecision.Answer;
import io.touchpoint.ticket.domain.knowledge.BotDecision.Escalate;
import io.touchpoint.ticket.domain.knowledge.BotSettings;
import io.touchpoint.ticket.domain.routing.Escalation;
import io.touchpoint.ticket.domain.routing.RoutingActors;
import io.touchpoint.ticket.domain.routing.RoutingSettings;
import io.touchpoint.ticket.domain.routing.TicketHandling;
import io.touchpoint.ticket.domain.routing.Triage;
import io.touchpoint.ticket.domain.routing.Workload;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * What follows a customer's message once it is on its ticket: the ticket's agent hears of it; a new ticket is triaged
 * and answered by the bot first, or handed to a person; a ticket the bot handles asks the bot again until a person is
 * needed.
 *
 * <p>Everything here is safe to repeat for the same message, which is what happens when its delivery is retried: the
 * triage and each escalation level are recorded on the ticket as applied, the bot's reply to a message has an id
 * derived from the message's, and the inbox drops events it has.
 */
@Service
public class CustomerMessageRouting {

    private static final Logger log = LoggerFactory.getLogger(CustomerMessageRouting.class);

    private static final Pattern UNSAFE_ID = Pattern.compile("[^A-Za-z0-9_-]");

    private static final String TRIAGED = "routing:triaged";

    private final TicketStore tickets;

    private final RoutingSettingsStore settings;

    private final TicketHandlingStore handlings;

    private final TicketAssignment assignment;

    private final AgentLoadStore loads;

    private final AgentInbox inbox;

    private final FirstResponder bot;

    private final BotSettingsManagement botSettings;

    private final TicketMessageStore messages;

    private final ThreadKeyStore keys;

    private final Clock clock;

    private final MeterRegistry meters;

    public CustomerMessageRouting(
            TicketStore tickets,
            RoutingSettingsStore settings,
            TicketHandlingStore handlings,
            TicketAssignment assignment,
            AgentLoadStore loads,
            AgentInbox inbox,
            FirstResponder bot,
            BotSettingsManagement botSettings,
            TicketMessageStore messages,
            ThreadKeyStore keys,
            Clock clock,
            MeterRegistry meters) {
        this.tickets = tickets;
        this.settings = settings;
        this.handlings = handlings;
        this.assignment = assignment;
        this.loads = loads;
        this.inbox = inbox;
        this.bot = bot;
        this.botSettings = botSettings;
        this.messages = messages;
        this.keys = keys;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Routes what the customer's {@code message} means for the ticket it was {@code threaded} into.
     */
    public void afterThreading(String tenantId, InteractionReceived message, Threaded threaded) {
        String ticketId = threaded.ticketId();
        boolean reopened = threaded.outcome() == Outcome.REOPENED;
        // The ticket as threading stored it; a write since then makes the routing's own writes conflict and re-read.
        Optional<Ticket> found =
                threaded.ticket() != null ? Optional.of(threaded.ticket()) : tickets.find(tenantId, ticketId);
        if (found.isEmpty() || found.get().status() == TicketStatus.CLOSED) {
            return;
        }
        Ticket ticket = found.get();
        String agentId = ticket.assignment().assigneeId();
        if (agentId != null) {
            if (Workload.occupies(ticket.status())) {
                // A reopened ticket counts against its agent again; holding it twice holds it once.
                loads.hold(tenantId, agentId, ticketId, clock.instant());
            }
            inbox.message(ticket, agentId, message.interactionId());
            if (reopened) {
                inbox.reopened(ticket, agentId, message.interactionId());
            }
            return;
        }
        Optional<RoutingSettings> configured = settings.recent(tenantId);
        if (configured.isEmpty()) {
            return; // the tenant routes nothing: tickets are left for agents to pick, as before routing existed
        }
        RoutingSettings routing = configured.get();
        TicketHandling handling = handlings
                .find(tenantId, ticketId)
                .orElseGet(() -> handlings.createIfAbsent(TicketHandling.undecided(
                        tenantId, ticketId, message.interactionId(), Triage.of(routing.triageRules(), message))));
        switch (handling.handler()) {
            case UNDECIDED -> {
                // The first message routed decides; the others of a burst leave it to that one (or its retry).
                if (message.interactionId().equals(handling.openedBy())) {
                    firstResponse(triaged(ticket, routing, message), handling, routing, message);
                }
            }
            case BOT -> {
                if (ticket.assignment().teamId() == null) {
                    askBot(ticket, handling, routing, message);
                } else if (Workload.waiting(ticket)) {
                    // Put in a queue by hand while the bot handled it: a person answers now.
                    handlings.personAnswers(tenantId, ticketId, handling.escalationLevel());
                    assignment.routeWaiting(
                            tenantId, ticketId, ticket.assignment().teamId());
                }
            }
            case PERSON -> {
                if (Workload.waiting(ticket)) {
                    assignment.routeWaiting(
                            tenantId, ticketId, ticket.assignment().teamId());
                }
            }
        }
    }

    /** Applies the triage's priority and tags to the ticket, once. */
    private Ticket triaged(Ticket ticket, RoutingSettings routing, InteractionReceived message) {
        Triage triage = Triage.of(routing.triageRules(), message);
        if (triage.ruleIds().isEmpty()) {
            return ticket;
        }
        Ticket current = ticket;
        for (int attempt = 0; attempt < TicketAssignment.MAX_ATTEMPTS; attempt++) {
            TreeSet<String> tags = new TreeSet<>(current.tags());
            tags.addAll(triage.tags());
            TicketChange change = current.edit(
                    new EditTicket(null, triage.priority(), List.copyOf(tags), null, null, null),
                    RoutingActors.rule(triage.ruleIds().get(0)),
                    clock.instant());
            if (!change.changes(current)) {
                return current;
            }
            switch (tickets.update(change, current.version(), TRIAGED)) {
                case WRITTEN -> {
                    return change.ticket().withVersion(current.version() + 1);
                }
                case ALREADY_APPLIED -> {
                    return tickets.find(current.tenantId(), current.id()).orElse(current);
                }
                case CONFLICT -> current =
                        tickets.find(current.tenantId(), current.id()).orElse(current);
            }
        }
        return current;
    }

    /** The first response to a new ticket: the bot, or a person. */
    private void firstResponse(
            Ticket ticket, TicketHandling handling, RoutingSettings routing, InteractionReceived message) {
        String tenantId = ticket.tenantId();
        if (ticket.assignment().teamId() != null || ticket.assignment().assigneeId() != null) {
            handlings.personAnswers(tenantId, ticket.id(), handling.escalationLevel());
            return; // someone routed it by hand meanwhile
        }
        String teamId = handling.teamId() != null ? handling.teamId() : routing.defaultTeamId();
        if (!routing.botFirst()) {
            if (teamId != null) {
                assignment.route(
                        tenantId,
                        ticket.id(),
                        teamId,
                        CustomerMessageRouting::unassigned,
                        TicketAssignment.plain(
                                TicketAssigned.Reason.ROUTING_RULE, RoutingActors.rule(handling.teamRuleId())),
                        "routing:first-response");
            }
            handlings.personAnswers(tenantId, ticket.id(), 0);
            return;
        }
        if (handling.escalateRuleId() != null) {
            escalate(
                    ticket,
                    handling,
                    routing,
                    Escalation.byRule(handling.escalationLevel() + 1, handling.escalateRuleId()));
            reply(ticket, message, acknowledgement(tenantId, message));
            return;
        }
        askBot(ticket, handling, routing, message);
    }

    /** Asks the bot about the message: its answer goes to the customer, or the ticket to a person. */
    private void askBot(Ticket ticket, TicketHandling handling, RoutingSettings routing, InteractionReceived message) {
        if (!Workload.occupies(ticket.status())) {
            return;
        }
        BotDecision decision = bot.respond(ticket.tenantId(), message.content().text(), message.language());
        if (decision instanceof Answer answer) {
            meters.counter("touchpoint.ticket.bot.decisions", "decision", "answer")
                    .increment();
            reply(ticket, message, answerText(answer));
            handlings.botAnswers(ticket.tenantId(), ticket.id());
            return;
        }
        Escalate escalate = (Escalate) decision;
        meters.counter("touchpoint.ticket.bot.decisions", "decision", "escalate")
                .increment();
        escalate(
                ticket,
                handling,
                routing,
                Escalation.byBot(handling.escalationLevel() + 1, escalate.reason(), escalate.detail()));
        reply(ticket, message, escalate.acknowledgement());
    }

    /** Hands the ticket to a person: the rule's team, else the tenant's default team, and an agent of it if free. */
    private void escalate(Ticket ticket, TicketHandling handling, RoutingSettings routing, Escalation escalation) {
        String teamId = handling.teamId() != null ? handling.teamId() : routing.defaultTeamId();
        assignment.route(
                ticket.tenantId(),
                ticket.id(),
                teamId,
                CustomerMessageRouting::unassigned,
                escalation::apply,
                "routing:escalation:" + escalation.level());
        handlings.personAnswers(ticket.tenantId(), ticket.id(), escalation.level());
        log.info(
                "ticket {} of tenant {} escalated to team {} ({})",
                ticket.id(),
                ticket.tenantId(),
                teamId,
                escalation.reason());
    }

    /** Sends the bot's {@code text} as its reply to {@code message}, once: the reply's id is derived from the message's. */
    private void reply(Ticket ticket, InteractionReceived message, String text) {
        if (text == null || text.isBlank()) {
            return; // the bot is disabled: it says nothing
        }
        String tenantId = ticket.tenantId();
        String replyId = replyIdFor(message.interactionId());
        if (messages.find(tenantId, replyId).isPresent()) {
            return;
        }
        Ticket current = tickets.find(tenantId, ticket.id()).orElse(ticket);
        if (current.status() == TicketStatus.CLOSED) {
            return;
        }
        Instant now = clock.instant();
        ReplyRequested request = current.reply(replyId, MessageContent.text(text), RoutingActors.BOT, now);
        messages.insertReply(tenantId, TicketMessage.reply(request), request);
        keys.register(tenantId, List.of(ThreadKeys.reply(replyId)), ticket.id());
        log.info("bot reply {} on ticket {} requested for tenant {}", replyId, ticket.id(), tenantId);
    }

    /** The acknowledgement the tenant's bot sends, or null when it is disabled. */
    private String acknowledgement(String tenantId, InteractionReceived message) {
        BotSettings bot = botSettings.get(tenantId);
        return bot.enabled() ? bot.acknowledgement(message.language(), null) : null;
    }

    private static String answerText(Answer answer) {
        String article = answer.article().title() + "\n\n" + answer.article().body();
        return answer.acknowledgement() != null ? answer.acknowledgement() + "\n\n" + article : article;
    }

    /** The id of the bot's reply to a message: {@code msg_X} is answered by {@code rpl_X}. */
    static String replyIdFor(String interactionId) {
        int underscore = interactionId.indexOf('_');
        String suffix = underscore >= 0 ? interactionId.substring(underscore + 1) : interactionId;
        return TicketMessage.REPLY_PREFIX + "_" + UNSAFE_ID.matcher(suffix).replaceAll("-");
    }

    private static boolean unassigned(Ticket ticket) {
        return ticket.assignment().assigneeId() == null && Workload.occupies(ticket.status());
    }
}
