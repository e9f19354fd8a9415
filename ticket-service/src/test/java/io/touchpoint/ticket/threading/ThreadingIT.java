package io.touchpoint.ticket.threading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import io.touchpoint.events.EventType;
import io.touchpoint.events.interaction.InteractionReceived;
import io.touchpoint.events.ticket.TicketCreated;
import io.touchpoint.events.ticket.TicketReopened;
import io.touchpoint.starter.cloudevents.CloudEvent;
import io.touchpoint.starter.cloudevents.CloudEventPublisher;
import io.touchpoint.test.events.EventCapture;
import io.touchpoint.test.infrastructure.RealInfrastructure;
import io.touchpoint.test.infrastructure.TestVirtualHost;
import io.touchpoint.ticket.application.TicketMessageStore;
import io.touchpoint.ticket.domain.TicketMessage;
import io.touchpoint.ticket.support.Inbox;
import io.touchpoint.ticket.support.Interactions;
import io.touchpoint.ticket.support.TenantEvents;
import io.touchpoint.ticket.support.TicketApi;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Inbound messages as channel-service publishes them, on the real broker, threaded into tickets in the real
 * MongoDB-protocol server: by the channel's conversation, by the emails a message answers, by the sender on the same
 * connection, and never twice.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "touchpoint.tenant-context.key=" + TicketApi.TENANT_CONTEXT_KEY)
@RealInfrastructure
class ThreadingIT {

    @LocalServerPort
    int port;

    @Autowired
    CloudEventPublisher publisher;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    TestVirtualHost virtualHost;

    @Autowired
    MeterRegistry meters;

    @Autowired
    TicketMessageStore messages;

    String tenant;

    TicketApi api;

    Inbox inbox;

    EventCapture created;

    EventCapture reopened;

    @BeforeEach
    void tenant() {
        tenant = "tenant_" + UUID.randomUUID().toString().substring(0, 8);
        api = TicketApi.forTenant(port, tenant);
        inbox = new Inbox(publisher, mongo);
        created = EventCapture.bind(virtualHost.connectionFactory(), EventType.TICKET_CREATED);
        reopened = EventCapture.bind(virtualHost.connectionFactory(), EventType.TICKET_REOPENED);
    }

    @AfterEach
    void close() {
        created.close();
        reopened.close();
    }

    @Test
    void chatMessagesOfOneConversationShareATicketAndAnotherConversationGetsItsOwn() {
        InteractionReceived first = Interactions.chat("cnv_chat_a", "visitor-1", "My parcel is damaged");

        String ticket = inbox.deliver(tenant, first);
        String same = inbox.deliver(tenant, Interactions.chat("cnv_chat_a", "visitor-1", "Photo attached"));
        String other = inbox.deliver(tenant, Interactions.chat("cnv_chat_b", "visitor-2", "Hello?"));

        assertThat(same).isEqualTo(ticket);
        assertThat(other).isNotEqualTo(ticket);
        HttpResponse<String> read = api.get("/v1/tickets/" + ticket);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(JsonPath.<String>read(read.body(), "$.conversationId")).isEqualTo("cnv_chat_a");
        assertThat(JsonPath.<String>read(read.body(), "$.status")).isEqualTo("new");
        assertThat(JsonPath.<String>read(read.body(), "$.channel")).isEqualTo("web_chat");
        assertThat(JsonPath.<List<String>>read(read.body(), "$.messages[*].content.text"))
                .containsExactly("My parcel is damaged", "Photo attached");
        List<TicketCreated> announced = TenantEvents.await(created, tenant, TicketCreated.class, 2);
        assertThat(announced).extracting(TicketCreated::ticketId).containsExactlyInAnyOrder(ticket, other);
        assertThat(announced)
                .filteredOn(event -> event.ticketId().equals(ticket))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.interactionId()).isEqualTo(first.interactionId());
                    assertThat(event.conversationId()).isEqualTo("cnv_chat_a");
                    assertThat(event.title()).isEqualTo("My parcel is damaged");
                });
    }

    @Test
    void emailRepliesThreadByInReplyToAndReferencesWhateverAddressTheyComeFrom() {
        String original = Interactions.emailId();
        String answer = Interactions.emailId();
        String ticket = inbox.deliver(
                tenant,
                Interactions.email("maria@example.com", "Order 10442 arrived damaged", original, null, List.of()));
        String otherCustomer = inbox.deliver(
                tenant, Interactions.email("john@example.com", "Invoice", Interactions.emailId(), null, List.of()));

        String byInReplyTo = inbox.deliver(
                tenant,
                Interactions.email("maria.lopez@work.example", "Re: Order 10442", answer, original, List.of(original)));
        String byReferencesOnly = inbox.deliver(
                tenant,
                Interactions.email(
                        "assistant@work.example",
                        "Fwd: Order 10442",
                        Interactions.emailId(),
                        null,
                        List.of(original, answer)));

        assertThat(otherCustomer).isNotEqualTo(ticket);
        assertThat(byInReplyTo).isEqualTo(ticket);
        assertThat(byReferencesOnly).isEqualTo(ticket);
        assertThat(inbox.messagesOn(tenant, ticket)).isEqualTo(3);
    }

    @Test
    void anEmailAnsweringAnAgentsReplyThreadsIntoItsTicket() {
        String ticket = inbox.deliver(
                tenant, Interactions.email("maria@example.com", "Refund", Interactions.emailId(), null, List.of()));
        HttpResponse<String> reply = api.postJson("/v1/tickets/" + ticket + "/replies", "{\"text\": \"Done!\"}");
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
        String replyId = JsonPath.read(reply.body(), "$.id");

        // The customer's mail client sends only In-Reply-To, with the Message-ID channel-service gave our reply.
        String answer = inbox.deliver(
                tenant,
                Interactions.email(
                        "maria@other.example",
                        "Re: Refund",
                        Interactions.emailId(),
                        "<" + replyId + ".acme@touchpoint.example>",
                        List.of()));

        assertThat(answer).isEqualTo(ticket);
    }

    @Test
    void smsFromTheSamePhoneJoinsItsOpenTicketAndAnotherPhoneGetsItsOwn() {
        String ticket = inbox.deliver(tenant, Interactions.sms("+4915100000001", "Is my order shipped?"));
        String again = inbox.deliver(tenant, Interactions.sms("+4915100000001", "Order 10442"));
        String otherCustomer = inbox.deliver(tenant, Interactions.sms("+4915100000002", "Is mine?"));

        assertThat(again).isEqualTo(ticket);
        assertThat(otherCustomer).isNotEqualTo(ticket);
        assertThat(inbox.ticketsOf(tenant)).isEqualTo(2);
    }

    @Test
    void aCustomerReplyReopensAResolvedTicketWithinTheWindowAndOpensANewTicketAfterIt() {
        String phone = "+4915100000003";
        String ticket = inbox.deliver(tenant, Interactions.sms(phone, "Broken screen"));
        resolve(ticket);
        InteractionReceived reply =
                Interactions.sms(phone, "Still broken", Instant.now().plusSeconds(3600));

        assertThat(inbox.deliver(tenant, reply)).isEqualTo(ticket);
        HttpResponse<String> read = api.get("/v1/tickets/" + ticket);
        assertThat(JsonPath.<String>read(read.body(), "$.status")).isEqualTo("open");
        assertThat(JsonPath.<Integer>read(read.body(), "$.reopenCount")).isEqualTo(1);
        TicketReopened event =
                TenantEvents.await(reopened, tenant, TicketReopened.class, 1).get(0);
        assertThat(event.ticketId()).isEqualTo(ticket);
        assertThat(event.interactionId()).isEqualTo(reply.interactionId());
        assertThat(event.reason()).isEqualTo(TicketReopened.Reason.CUSTOMER_REPLY);

        resolve(ticket);
        String later = inbox.deliver(
                tenant, Interactions.sms(phone, "New problem", Instant.now().plus(Duration.ofDays(8))));

        assertThat(later).isNotEqualTo(ticket);
        assertThat(JsonPath.<String>read(api.get("/v1/tickets/" + ticket).body(), "$.status"))
                .isEqualTo("resolved");
    }

    @Test
    void aMessageDeliveredTwiceIsStoredOnce() {
        InteractionReceived message = Interactions.chat("cnv_dup_" + tenant, "visitor-3", "Only once, please");
        double duplicatesBefore = duplicates();

        CloudEvent event = inbox.send(tenant, message);
        String ticket = inbox.ticketOf(message);
        publisher.publish(event);

        await().atMost(Duration.ofSeconds(20)).until(() -> duplicates() > duplicatesBefore);
        assertThat(inbox.messagesOn(tenant, ticket)).isEqualTo(1);
        assertThat(JsonPath.<List<String>>read(api.get("/v1/tickets/" + ticket).body(), "$.messages[*].id"))
                .containsExactly(message.interactionId());
        assertThat(inbox.ticketsOf(tenant)).isEqualTo(1);
    }

    @Test
    void aStoredMessageIsStoredOnceAndItsIdIsNeverTakenForAnotherTenantsCopy() {
        TicketMessage message =
                TicketMessage.fromCustomer("tkt_stored_" + tenant, Interactions.chat("cnv_" + tenant, "v", "Hi"));
        String otherTenant = "other_" + tenant;

        messages.saveCustomerMessage(tenant, message);
        messages.saveCustomerMessage(tenant, message);

        assertThat(messages.ticketOf(tenant, message.id())).contains("tkt_stored_" + tenant);
        assertThatThrownBy(() -> messages.saveCustomerMessage(otherTenant, message))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(messages.ticketOf(otherTenant, message.id())).isEmpty();
        assertThat(inbox.messagesOn(tenant, "tkt_stored_" + tenant)).isEqualTo(1);
    }

    @Test
    void theGoldenSampleWithAFieldThisVersionDoesNotKnowOpensATicket() throws IOException {
        String sample;
        try (InputStream in = EventType.class.getResourceAsStream(EventType.INTERACTION_RECEIVED.sampleResource())) {
            sample = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String interactionId =
                "msg_" + UUID.randomUUID().toString().replace("-", "").substring(0, 26);
        String data = sample.replace("msg_01JD4Q6K2V8M3N5P7R9T1W3Y5Z", interactionId)
                .replaceFirst("\\{", "{\"sentiment\": {\"score\": -0.4},");

        publisher.publish(new CloudEvent(
                UUID.randomUUID().toString(),
                EventType.INTERACTION_RECEIVED.type(),
                EventType.INTERACTION_RECEIVED.source(),
                interactionId,
                tenant,
                Instant.now(),
                data.getBytes(StandardCharsets.UTF_8)));

        String ticket = await().atMost(Duration.ofSeconds(20))
                .until(() -> mongo.findById(interactionId, org.bson.Document.class, "ticket_messages"), m -> m != null)
                .getString("ticketId");
        HttpResponse<String> read = api.get("/v1/tickets/" + ticket);
        assertThat(JsonPath.<String>read(read.body(), "$.title")).isEqualTo("Re: Order 10442 arrived damaged");
        assertThat(JsonPath.<String>read(read.body(), "$.requester.value")).isEqualTo("maria.lopez@example.com");
        assertThat(JsonPath.<String>read(read.body(), "$.conversationId")).isEqualTo("cnv_01JD3ZP0B4C6D8F0G2H4J6K8M0");
        assertThat(JsonPath.<String>read(read.body(), "$.language")).isEqualTo("en");
    }

    private void resolve(String ticket) {
        HttpResponse<String> resolved = api.postJson("/v1/tickets/" + ticket + "/status", "{\"status\": \"resolved\"}");
        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
    }

    private double duplicates() {
        return meters.find("touchpoint.ticket.interactions.threaded").tag("outcome", "duplicate").counters().stream()
                .mapToDouble(counter -> counter.count())
                .sum();
    }
}
