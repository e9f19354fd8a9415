package io.touchpoint.ticket.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.touchpoint.events.Actor;
import io.touchpoint.events.Handle;
import io.touchpoint.events.MessageContent;
import io.touchpoint.events.privacy.PrivacyErasureRequested;
import io.touchpoint.starter.cloudevents.CloudEvent;
import io.touchpoint.starter.cloudevents.CloudEventPublisher;
import io.touchpoint.test.infrastructure.RealInfrastructure;
import io.touchpoint.ticket.application.TicketManagement;
import io.touchpoint.ticket.application.TicketReplies;
import io.touchpoint.ticket.application.TicketReplies.ReplyToTicket;
import io.touchpoint.ticket.domain.Ticket;
import io.touchpoint.ticket.domain.TicketMessage;
import io.touchpoint.ticket.support.Inbox;
import io.touchpoint.ticket.support.Interactions;
import io.touchpoint.ticket.support.TicketApi;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A customer's right to erasure, arriving as {@code privacy.erasure_requested} from profile-service on the real broker:
 * their handles, names and words leave the tenant's tickets and conversations; other customers and other tenants keep
 * theirs; the request can arrive twice.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "touchpoint.tenant-context.key=" + TicketApi.TENANT_CONTEXT_KEY)
@RealInfrastructure
class PrivacyErasureIT {

    private static final String ERASED = "[erased]";

    @Autowired
    CloudEventPublisher publisher;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    TicketManagement tickets;

    @Autowired
    TicketReplies replies;

    @Autowired
    MeterRegistry meters;

    String tenant;

    Inbox inbox;

    @BeforeEach
    void tenant() {
        tenant = "tenant_" + UUID.randomUUID().toString().substring(0, 8);
        inbox = new Inbox(publisher, mongo);
    }

    @Test
    void theCustomersHandlesNamesAndWordsAreErasedFromEveryTicketOnce() {
        String bySms = inbox.deliver(tenant, Interactions.sms("+34612345678", "My name is Maria Lopez"));
        replies.reply(tenant, bySms, new ReplyToTicket("Hello Maria!", null, null, null, null), Actor.agent("agt_ana"));
        String byEmail = inbox.deliver(
                tenant,
                Interactions.email("maria.lopez@example.com", "Order 4711", Interactions.emailId(), null, null));
        String someoneElse = inbox.deliver(tenant, Interactions.sms("+34600000000", "I am Pedro"));
        String otherTenant = inbox.deliver("other_" + tenant, Interactions.sms("+34612345678", "Hola"));
        CloudEvent erasure = CloudEvent.of(tenant, request("+34612345678", "maria.lopez@example.com"));
        double erasures = erasures();

        publisher.publish(erasure);
        publisher.publish(erasure);

        await().atMost(Duration.ofSeconds(20)).until(() -> erasures() - erasures >= 2);
        for (String erased : List.of(bySms, byEmail)) {
            Ticket ticket = tickets.get(tenant, erased);
            assertThat(ticket.requester().handle().value()).isEqualTo(ERASED);
            assertThat(ticket.requester().handle().displayName()).isNull();
            assertThat(ticket.title()).isEqualTo(ERASED);
            assertThat(messagesOf(tenant, ticket)).isNotEmpty().allSatisfy(message -> {
                assertThat(message.content()).isEqualTo(new MessageContent(null, ERASED, null, List.of()));
                assertThat(message.customer().value()).isEqualTo(ERASED);
                assertThat(message.customer().displayName()).isNull();
            });
        }
        assertThat(messagesOf(tenant, tickets.get(tenant, bySms)))
                .extracting(TicketMessage::kind)
                .containsExactly(TicketMessage.Kind.CUSTOMER, TicketMessage.Kind.REPLY);
        assertThat(tickets.get(tenant, someoneElse).requester().handle().value())
                .isEqualTo("+34600000000");
        assertThat(messagesOf(tenant, tickets.get(tenant, someoneElse)))
                .extracting(message -> message.content().text())
                .containsExactly("I am Pedro");
        assertThat(tickets.get("other_" + tenant, otherTenant)
                        .requester()
                        .handle()
                        .value())
                .isEqualTo("+34612345678");
    }

    @Test
    void theCustomerWritingAgainAfterTheErasureOpensANewTicket() {
        String erased = inbox.deliver(tenant, Interactions.sms("+34612345679", "Call me"));
        double erasures = erasures();
        publisher.publish(CloudEvent.of(tenant, request("+34612345679")));
        await().atMost(Duration.ofSeconds(20)).until(() -> erasures() > erasures);

        String next = inbox.deliver(tenant, Interactions.sms("+34612345679", "Hello again"));

        assertThat(next).isNotEqualTo(erased);
    }

    private List<TicketMessage> messagesOf(String tenantId, Ticket ticket) {
        return tickets.messages(tenantId, ticket, null, 100);
    }

    private double erasures() {
        return meters.counter("touchpoint.ticket.privacy.erasures").count();
    }

    private static PrivacyErasureRequested request(String... handles) {
        return new PrivacyErasureRequested(
                "prv_" + UUID.randomUUID().toString().replace("-", ""),
                "prf_maria",
                java.util.Arrays.stream(handles)
                        .map(value -> Handle.of(value.contains("@") ? Handle.Kind.EMAIL : Handle.Kind.PHONE, value))
                        .toList(),
                "gdpr_art17",
                new Actor(Actor.Kind.AGENT, "agt_privacy", "Privacy desk"),
                Instant.now().plus(Duration.ofDays(30)),
                Instant.now());
    }
}
