package io.touchpoint.ticket.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.touchpoint.events.Actor;
import io.touchpoint.events.EventType;
import io.touchpoint.events.ticket.Priority;
import io.touchpoint.events.ticket.SlaMetric;
import io.touchpoint.events.ticket.TicketAssigned;
import io.touchpoint.events.ticket.TicketEscalated;
import io.touchpoint.events.ticket.TicketSlaBreached;
import io.touchpoint.starter.cloudevents.CloudEventPublisher;
import io.touchpoint.test.events.EventCapture;
import io.touchpoint.test.infrastructure.RealInfrastructure;
import io.touchpoint.test.infrastructure.TestVirtualHost;
import io.touchpoint.ticket.TicketServiceApplication;
import io.touchpoint.ticket.application.TicketManagement;
import io.touchpoint.ticket.application.TicketReplies;
import io.touchpoint.ticket.application.TicketReplies.ReplyToTicket;
import io.touchpoint.ticket.application.sla.BusinessCalendars;
import io.touchpoint.ticket.application.sla.SlaClocks;
import io.touchpoint.ticket.application.sla.SlaEnforcement;
import io.touchpoint.ticket.application.sla.SlaPolicies;
import io.touchpoint.ticket.application.sla.SlaPolicies.SlaPolicyContent;
import io.touchpoint.ticket.application.sla.SlaScheduler;
import io.touchpoint.ticket.domain.Ticket;
import io.touchpoint.ticket.domain.TicketStatus;
import io.touchpoint.ticket.domain.sla.BusinessHours;
import io.touchpoint.ticket.domain.sla.EscalationStep;
import io.touchpoint.ticket.domain.sla.OpeningHours;
import io.touchpoint.ticket.domain.sla.SlaClock;
import io.touchpoint.ticket.domain.sla.SlaTrigger;
import io.touchpoint.ticket.support.Inbox;
import io.touchpoint.ticket.support.Interactions;
import io.touchpoint.ticket.support.TenantEvents;
import io.touchpoint.ticket.support.TestClock;
import io.touchpoint.ticket.support.TicketApi;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * SLA timers end to end, with two instances of ticket-service on one broker and one database, both schedulers
 * running, and a clock the test moves: tickets opened by customer messages get clocks in business hours, warnings and
 * breaches fire once however many replicas look, a reply meets its target, and pending on the customer pauses time.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"touchpoint.tenant-context.key=" + TicketApi.TENANT_CONTEXT_KEY, SlaEnforcementIT.POLL_INTERVAL})
@RealInfrastructure
@Import(TestClock.Config.class)
class SlaEnforcementIT {

    static final String POLL_INTERVAL = "touchpoint.ticket.sla.scheduler.poll-interval=50ms";

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static final List<String> SHARED_PROPERTIES = List.of(
            "spring.rabbitmq.host",
            "spring.rabbitmq.port",
            "spring.rabbitmq.addresses",
            "spring.rabbitmq.username",
            "spring.rabbitmq.password",
            "spring.rabbitmq.virtual-host",
            "spring.mongodb.uri",
            "spring.mongodb.database",
            "touchpoint.tenant-context.key");

    private static ConfigurableApplicationContext secondReplica;

    private final TestClock clock = TestClock.shared();

    @Autowired
    Environment environment;

    @Autowired
    CloudEventPublisher publisher;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    TestVirtualHost virtualHost;

    @Autowired
    SlaPolicies policies;

    @Autowired
    BusinessCalendars calendars;

    @Autowired
    SlaClocks clocks;

    @Autowired
    SlaScheduler scheduler;

    @Autowired
    SlaEnforcement enforcement;

    @Autowired
    TicketManagement tickets;

    @Autowired
    TicketReplies replies;

    String tenant;

    Inbox inbox;

    EventCapture breaches;

    EventCapture escalations;

    EventCapture assignments;

    @BeforeEach
    void replicas() {
        if (secondReplica == null) {
            List<String> arguments = new ArrayList<>();
            SHARED_PROPERTIES.forEach(name -> arguments.add("--" + name + "=" + environment.getRequiredProperty(name)));
            arguments.add("--server.port=0");
            arguments.add("--" + POLL_INTERVAL);
            secondReplica = new SpringApplicationBuilder(TicketServiceApplication.class, TestClock.Config.class)
                    .run(arguments.toArray(String[]::new));
        }
        tenant = "tenant_" + UUID.randomUUID().toString().substring(0, 8);
        inbox = new Inbox(publisher, mongo);
        breaches = EventCapture.bind(virtualHost.connectionFactory(), EventType.TICKET_SLA_BREACHED);
        escalations = EventCapture.bind(virtualHost.connectionFactory(), EventType.TICKET_ESCALATED);
        assignments = EventCapture.bind(virtualHost.connectionFactory(), EventType.TICKET_ASSIGNED);
    }

    @AfterEach
    void close() {
        breaches.close();
        escalations.close();
        assignments.close();
    }

    @AfterAll
    static void stopSecondReplica() {
        if (secondReplica != null) {
            secondReplica.close();
        }
    }

    @Test
    void aBreachOverAWeekendAndAHolidayEscalatesExactlyOnceWithTwoReplicasRunning() throws Exception {
        assertThat(scheduler.isRunning()).isTrue();
        assertThat(secondReplica.getBean(SlaScheduler.class).isRunning()).isTrue();
        String office = officeCalendar(LocalDate.parse("2026-03-09"));
        policies.create(
                tenant,
                new SlaPolicyContent(
                        "Normal",
                        Priority.NORMAL,
                        Map.of(SlaMetric.FIRST_RESPONSE, Duration.ofHours(4)),
                        office,
                        null,
                        List.of(new EscalationStep(SlaTrigger.BREACH, null, Priority.URGENT, "team_tier2"))));
        clock.set(berlin("2026-03-06T15:00")); // a Friday; Monday the 9th is a holiday

        String ticket = open("+4915100000100");

        SlaClock firstResponse = clock(ticket, SlaMetric.FIRST_RESPONSE);
        assertThat(firstResponse.dueAt())
                .as("2 h on Friday, none on the weekend and the holiday, 2 h on Tuesday")
                .isEqualTo(berlin("2026-03-10T11:00"));
        assertThat(firstResponse.warnAt()).isEqualTo(berlin("2026-03-10T10:12"));

        clock.set(berlin("2026-03-10T10:59"));
        scheduler.runDue();
        secondReplica.getBean(SlaScheduler.class).runDue();
        assertThat(clock(ticket, SlaMetric.FIRST_RESPONSE).breached()).isFalse();
        assertThat(marks(ticket)).as("a warning without steps changes nothing").isEmpty();

        clock.set(berlin("2026-03-10T11:00"));
        enforceConcurrently(firstResponse, 8); // on top of both schedulers, which race for it too

        TicketSlaBreached breach =
                TenantEvents.await(breaches, tenant, TicketSlaBreached.class, 1).get(0);
        assertThat(breach.ticketId()).isEqualTo(ticket);
        assertThat(breach.metric()).isEqualTo(SlaMetric.FIRST_RESPONSE);
        assertThat(breach.priority()).isEqualTo(Priority.NORMAL);
        assertThat(breach.dueAt()).isEqualTo(berlin("2026-03-10T11:00"));
        TicketEscalated escalated = TenantEvents.await(escalations, tenant, TicketEscalated.class, 1)
                .get(0);
        assertThat(escalated.level()).isEqualTo(1);
        assertThat(escalated.reason()).isEqualTo(TicketEscalated.Reason.SLA_BREACH);
        assertThat(escalated.priority()).isEqualTo(Priority.URGENT);
        assertThat(escalated.teamId()).isEqualTo("team_tier2");
        assertThat(TenantEvents.await(assignments, tenant, TicketAssigned.class, 1)
                        .get(0)
                        .reason())
                .isEqualTo(TicketAssigned.Reason.ESCALATION);
        Ticket stored = tickets.get(tenant, ticket);
        assertThat(stored.priority()).isEqualTo(Priority.URGENT);
        assertThat(stored.assignment().teamId()).isEqualTo("team_tier2");

        awaitSettled(ticket, SlaMetric.FIRST_RESPONSE, SlaTrigger.BREACH);
        await("no second breach or escalation")
                .during(Duration.ofMillis(600))
                .atMost(Duration.ofSeconds(5))
                .until(() -> TenantEvents.of(breaches, tenant, TicketSlaBreached.class)
                                        .size()
                                == 1
                        && TenantEvents.of(escalations, tenant, TicketEscalated.class)
                                        .size()
                                == 1);
        assertThat(marks(ticket)).containsExactly("sla:first_response:1:breach");
    }

    @Test
    void aWarningFiresAtEightyPercentOfTheTarget() {
        policies.create(
                tenant,
                new SlaPolicyContent(
                        "Normal",
                        Priority.NORMAL,
                        Map.of(SlaMetric.RESOLUTION, Duration.ofHours(10)),
                        null,
                        null,
                        List.of(new EscalationStep(SlaTrigger.WARNING, SlaMetric.RESOLUTION, null, null))));
        Instant opened = Instant.parse("2026-04-01T08:00:00Z");
        clock.set(opened);
        String ticket = open("+4915100000101");

        clock.set(opened.plus(Duration.ofHours(8)).minusSeconds(1));
        scheduler.runDue();
        assertThat(clock(ticket, SlaMetric.RESOLUTION).warned()).isFalse();

        clock.set(opened.plus(Duration.ofHours(8)));
        TicketEscalated warning = TenantEvents.await(escalations, tenant, TicketEscalated.class, 1)
                .get(0);
        assertThat(warning.reason()).isEqualTo(TicketEscalated.Reason.RULE);
        assertThat(warning.escalatedBy().kind()).isEqualTo(Actor.Kind.AUTOMATION);
        assertThat(warning.priority()).isEqualTo(Priority.NORMAL);
        awaitSettled(ticket, SlaMetric.RESOLUTION, SlaTrigger.WARNING);
        assertThat(clock(ticket, SlaMetric.RESOLUTION).warned()).isTrue();
        assertThat(clock(ticket, SlaMetric.RESOLUTION).breached()).isFalse();
        assertThat(TenantEvents.of(breaches, tenant, TicketSlaBreached.class)).isEmpty();
    }

    @Test
    void theFirstReplyMeetsTheFirstResponseTarget() {
        policies.create(tenant, aroundTheClock(Map.of(SlaMetric.FIRST_RESPONSE, Duration.ofHours(1))));
        Instant opened = Instant.parse("2026-04-02T08:00:00Z");
        clock.set(opened);
        String ticket = open("+4915100000102");

        clock.set(opened.plus(Duration.ofMinutes(50)));
        replies.reply(tenant, ticket, new ReplyToTicket("On it!", null, null, null, null), Actor.agent("agt_ana"));
        clock.set(opened.plus(Duration.ofHours(3)));
        scheduler.runDue();

        SlaClock met = clock(ticket, SlaMetric.FIRST_RESPONSE);
        assertThat(met.open()).isFalse();
        assertThat(met.stoppedAt()).isEqualTo(opened.plus(Duration.ofMinutes(50)));
        assertThat(met.breached()).isFalse();
        assertThat(marks(ticket)).isEmpty();
    }

    @Test
    void pendingOnTheCustomerPausesTheClock() {
        policies.create(tenant, aroundTheClock(Map.of(SlaMetric.RESOLUTION, Duration.ofHours(1))));
        Instant opened = Instant.parse("2026-04-03T08:00:00Z");
        clock.set(opened);
        String ticket = open("+4915100000103");

        clock.set(opened.plus(Duration.ofMinutes(20)));
        replies.reply(
                tenant,
                ticket,
                new ReplyToTicket("Which order is it?", null, null, null, TicketStatus.PENDING),
                Actor.agent("agt_ana"));
        assertThat(tickets.get(tenant, ticket).status()).isEqualTo(TicketStatus.PENDING);
        SlaClock paused = clock(ticket, SlaMetric.RESOLUTION);
        assertThat(paused.running()).isFalse();
        assertThat(paused.used()).isEqualTo(Duration.ofMinutes(20));

        Instant answered = opened.plus(Duration.ofHours(5));
        clock.set(answered);
        scheduler.runDue();
        assertThat(clock(ticket, SlaMetric.RESOLUTION).breached())
                .as("five hours later, paused")
                .isFalse();
        inbox.deliver(tenant, Interactions.sms("+4915100000103", "Order 4711", answered));

        SlaClock resumed = clock(ticket, SlaMetric.RESOLUTION);
        assertThat(resumed.running()).isTrue();
        assertThat(resumed.dueAt()).as("40 minutes left").isEqualTo(answered.plus(Duration.ofMinutes(40)));
        clock.set(answered.plus(Duration.ofMinutes(40)));
        TicketSlaBreached breach =
                TenantEvents.await(breaches, tenant, TicketSlaBreached.class, 1).get(0);
        assertThat(breach.metric()).isEqualTo(SlaMetric.RESOLUTION);
        assertThat(breach.dueAt()).isEqualTo(answered.plus(Duration.ofMinutes(40)));
    }

    private String open(String phone) {
        return inbox.deliver(tenant, Interactions.sms(phone, "My order has not arrived", clock.instant()));
    }

    private SlaClock clock(String ticket, SlaMetric metric) {
        return clocks.of(tenant, ticket).stream()
                .filter(clock -> clock.metric() == metric)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + metric + " clock on " + ticket));
    }

    /** Waits until {@code trigger} is recorded on the clock, no replica holds it, and the ticket's events are out. */
    private void awaitSettled(String ticket, SlaMetric metric, SlaTrigger trigger) {
        await("the SLA work on " + ticket + " settled")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(25))
                .until(() -> {
                    Document timer = mongo.getCollection("sla_timers")
                            .find(new Document("_id", SlaClock.id(tenant, ticket, metric)))
                            .first();
                    Document stored = mongo.getCollection("tickets")
                            .find(new Document("_id", ticket))
                            .first();
                    List<?> outbox = stored.getList("outbox", Object.class);
                    return timer != null
                            && timer.get("leaseOwner") == null
                            && Boolean.TRUE.equals(timer.get(trigger == SlaTrigger.BREACH ? "breached" : "warned"))
                            && (outbox == null || outbox.isEmpty());
                });
    }

    /** The SLA triggers recorded as handled on the ticket. */
    private List<String> marks(String ticket) {
        Document stored =
                mongo.getCollection("tickets").find(new Document("_id", ticket)).first();
        return stored.getList("appliedEvents", String.class).stream()
                .filter(mark -> mark.startsWith("sla:"))
                .toList();
    }

    /** Calls the enforcement of {@code clock} from {@code callers} threads at once, half of them on each replica. */
    private void enforceConcurrently(SlaClock clock, int callers) throws Exception {
        SlaEnforcement second = secondReplica.getBean(SlaEnforcement.class);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<CompletableFuture<Void>> calls = IntStream.range(0, callers)
                    .mapToObj(i -> CompletableFuture.runAsync(
                            () -> {
                                try {
                                    start.await();
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                                (i % 2 == 0 ? enforcement : second).enforce(clock);
                            },
                            pool))
                    .toList();
            start.countDown();
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdownNow();
        }
    }

    /** Monday to Friday, 09:00–17:00 in Berlin, closed on {@code holiday}. */
    private String officeCalendar(LocalDate holiday) {
        Map<DayOfWeek, List<OpeningHours>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            week.put(day, List.of(new OpeningHours(LocalTime.of(9, 0), LocalTime.of(17, 0))));
        }
        return calendars
                .create(tenant, "Berlin office", new BusinessHours(BERLIN, week, Set.of(holiday)))
                .id();
    }

    private static SlaPolicyContent aroundTheClock(Map<SlaMetric, Duration> targets) {
        return new SlaPolicyContent("Normal", Priority.NORMAL, targets, null, null, List.of());
    }

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }
}
