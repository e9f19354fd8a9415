package io.touchpoint.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import io.touchpoint.channel.application.connection.ConnectionStore;
import io.touchpoint.channel.application.outbound.ChannelSender;
import io.touchpoint.channel.domain.connection.ChannelConnection;
import io.touchpoint.channel.domain.outbound.OutboundMessage;
import io.touchpoint.channel.domain.outbound.SendOutcome;
import io.touchpoint.channel.messaging.email.EmailListener;
import io.touchpoint.channel.support.ChannelApi;
import io.touchpoint.channel.support.Connections;
import io.touchpoint.channel.support.SmtpConversation;
import io.touchpoint.events.Attachment;
import io.touchpoint.events.Channel;
import io.touchpoint.events.EventType;
import io.touchpoint.events.Handle;
import io.touchpoint.events.MessageContent;
import io.touchpoint.events.interaction.InteractionReceived;
import io.touchpoint.test.events.EventCapture;
import io.touchpoint.test.infrastructure.RealInfrastructure;
import io.touchpoint.test.infrastructure.TestInfrastructure;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.bson.Document;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.subethamail.wiser.Wiser;

/**
 * Inbound email end to end: a real SMTP client delivers to the listener, and the mail is stored once, before it is
 * accepted, and published as a contract-valid {@code interaction.received}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "touchpoint.channel.email.listener.max-message-size=64KB")
@RealInfrastructure
class EmailListenerIT {

    private static final String CUSTOMER_MAIL_ID = "<CAF=reply-4711@mail.example.org>";

    @LocalServerPort
    int port;

    @Value("${touchpoint.tenant-context.key}")
    String tenantContextKey;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    EmailListener listener;

    @Autowired
    ConnectionStore connections;

    @Autowired
    List<ChannelSender> senders;

    ChannelApi api;

    String address;

    String connectionId;

    EventCapture interactions;

    @BeforeEach
    void connection() {
        api = ChannelApi.forTenant(port, tenantContextKey, "tenant_" + random());
        address = "support-" + random() + "@acme.example";
        // Written in mixed case, as an admin might: addresses compare case-insensitively.
        connectionId = Connections.create(api, emailConnection(address.replace("support", "Support")));
        interactions = EventCapture.bind(
                TestInfrastructure.virtualHostFor(getClass()).connectionFactory(), EventType.INTERACTION_RECEIVED);
    }

    @AfterEach
    void close() {
        interactions.close();
    }

    @Test
    void mailIsStoredBeforeItIsAcceptedAndPublishedAsInteractionReceived() throws Exception {
        String reply = TestMail.deliver(
                listener.port(), TestMail.sample("customer-reply.eml"), address.toUpperCase(Locale.ROOT));

        assertThat(reply).startsWith("250");
        // No waiting: the 250 came only after the write.
        assertThat(stored(CUSTOMER_MAIL_ID)).isEqualTo(1);
        String id = reply.substring(reply.indexOf("msg_")).strip();
        interactions.awaitCount(1);
        InteractionReceived event =
                interactions.payloads(InteractionReceived.class).get(0);
        assertThat(event.interactionId()).isEqualTo(id);
        assertThat(event.connectionId()).isEqualTo(connectionId);
        assertThat(event.channel()).isEqualTo(Channel.EMAIL);
        assertThat(event.providerMessageId()).isEqualTo(CUSTOMER_MAIL_ID);
        assertThat(event.customer())
                .isEqualTo(new Handle(Handle.Kind.EMAIL, "ada.lovelace@example.org", "Ada Lovelace"));
        assertThat(event.thread().emailMessageId()).isEqualTo(CUSTOMER_MAIL_ID);
        assertThat(event.thread().inReplyTo()).isEqualTo("<msg_01hzy3acme@acme.example>");
        assertThat(event.thread().references())
                .containsExactly("<CAF=first-4711@mail.example.org>", "<msg_01hzy3acme@acme.example>");
        assertThat(event.content().subjectLine()).isEqualTo("Re: Order 4711 \u2013 still not here");
        assertThat(event.content().text())
                .isEqualTo("Hello,\n\nmy order 4711 has still not arrived \u2013 the invoice is attached.\n\nAda");
        assertThat(event.content().html()).contains("<p>Hello,</p>");
        assertThat(event.content().attachments())
                .extracting(Attachment::name, Attachment::contentType, Attachment::size)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("invoice-4711.pdf", "application/pdf", 42L),
                        org.assertj.core.groups.Tuple.tuple("attachment-3", "image/png", 120L));
        assertThat(event.language()).isEqualTo("en");
        assertThat(EventCapture.header(
                        interactions.deliveries().get(0).getProperties().getHeaders(), "cloudEvents_tenantid"))
                .isEqualTo(api.tenantId());

        HttpResponse<String> read = api.get("/v1/channels/messages/" + id);
        assertThat(read.statusCode()).isEqualTo(200);
        Map<String, String> metadata = JsonPath.read(read.body(), "$.metadata");
        assertThat(metadata)
                .containsEntry("spf", "pass")
                .containsEntry("dkim", "pass")
                .containsEntry("dmarc", "pass")
                .containsEntry("authservId", "mx.acme.example");
    }

    @Test
    void aReplyToAStoredMailIsThreadedUnderIt() throws Exception {
        Wiser relay = Wiser.port(0);
        relay.start();
        try {
            api.patchJson(
                    "/v1/channels/connections/" + connectionId,
                    """
                    {"settings": {"inboundAddress": "%s", "smtpHost": "127.0.0.1", "smtpPort": "%d",
                     "smtpStartTls": "false"}}"""
                            .formatted(address, relay.getServer().getPortAllocated()),
                    Map.of());
            String reply = TestMail.deliver(listener.port(), TestMail.sample("customer-reply.eml"), address);
            String body = api.get("/v1/channels/messages/"
                            + reply.substring(reply.indexOf("msg_")).strip())
                    .body();
            ChannelConnection connection =
                    connections.find(api.tenantId(), connectionId).orElseThrow();
            OutboundMessage answer = new OutboundMessage(
                    "msg_" + random(),
                    api.tenantId(),
                    connectionId,
                    Channel.EMAIL,
                    Handle.of(Handle.Kind.EMAIL, JsonPath.read(body, "$.customer.value")),
                    new MessageContent(
                            JsonPath.read(body, "$.content.subjectLine"), "It ships today.", null, List.of()),
                    null,
                    JsonPath.read(body, "$.thread.emailMessageId"),
                    JsonPath.read(body, "$.thread.references"),
                    OutboundMessage.Origin.reply("rpl_" + random()),
                    "tkt_1",
                    "cnv_1",
                    "en");

            SendOutcome outcome = senders.stream()
                    .filter(sender -> sender.channel() == Channel.EMAIL)
                    .findFirst()
                    .orElseThrow()
                    .send(connection, answer);

            assertThat(outcome).isEqualTo(new SendOutcome.Delivered("<" + answer.id() + "@acme.example>"));
            MimeMessage sent = relay.getMessages().get(0).getMimeMessage();
            assertThat(sent.getHeader("In-Reply-To", null)).isEqualTo(CUSTOMER_MAIL_ID);
            assertThat(sent.getHeader("References", " ").split("\\s+"))
                    .containsExactly(
                            "<CAF=first-4711@mail.example.org>", "<msg_01hzy3acme@acme.example>", CUSTOMER_MAIL_ID);
            assertThat(sent.getSubject()).isEqualTo("Re: Order 4711 \u2013 still not here");
            assertThat(sent.getFrom()).containsExactly(new InternetAddress(address, "Acme Support"));
        } finally {
            relay.stop();
        }
    }

    @Test
    void theSameMailDeliveredThreeTimesConcurrentlyIsStoredAndPublishedOnce() {
        byte[] mail = TestMail.sample("customer-reply.eml");

        List<String> replies = IntStream.range(0, 3)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> deliver(mail, address)))
                .toList()
                .stream()
                .map(CompletableFuture::join)
                .toList();

        assertThat(replies).allSatisfy(reply -> assertThat(reply).startsWith("250"));
        assertThat(replies.stream()
                        .map(reply -> reply.substring(reply.indexOf("msg_")))
                        .distinct())
                .hasSize(1);
        assertThat(stored(CUSTOMER_MAIL_ID)).isEqualTo(1);
        interactions.awaitCount(1);
        // The relay publishes right after the insert; a second event would come before the next mail's.
        deliver(TestMail.withMessageId(mail, "<later@mail.example.org>"), address);
        interactions.awaitCount(2);
        assertThat(interactions.payloads(InteractionReceived.class))
                .extracting(InteractionReceived::providerMessageId)
                .containsExactly(CUSTOMER_MAIL_ID, "<later@mail.example.org>");
    }

    @Test
    void mailForAnUnknownAddressIsRefusedWith550AndNothingIsStored() {
        String unknown = "nobody-" + random() + "@acme.example";
        String messageId = "<unknown-" + random() + "@mail.example.org>";
        byte[] mail = TestMail.withMessageId(TestMail.sample("customer-reply.eml"), messageId);

        assertThatExceptionOfType(SendFailedException.class)
                .isThrownBy(() -> TestMail.deliver(listener.port(), mail, unknown))
                .satisfies(failure -> assertThat(failure.getNextException())
                        .isInstanceOfSatisfying(
                                SMTPAddressFailedException.class,
                                refused -> assertThat(refused.getReturnCode()).isEqualTo(550)));

        assertThat(mongo.getCollection("inbound_messages").countDocuments(new Document("providerMessageId", messageId)))
                .isZero();
    }

    @Test
    void mailLargerThanTheLimitIsRefusedWith552AndTheSessionGoesOn() {
        String big = "From: ada@example.org\r\nMessage-ID: <big@example.org>\r\nSubject: big\r\n\r\n"
                + ("x".repeat(998) + "\r\n").repeat(70);

        try (SmtpConversation smtp = SmtpConversation.open(listener.port())) {
            assertThat(smtp.envelope("ada@example.org", address)).startsWith("250");
            assertThat(smtp.data(big.getBytes(StandardCharsets.US_ASCII))).startsWith("552");

            assertThat(smtp.command("RSET")).startsWith("250");
            assertThat(smtp.envelope("ada@example.org", address)).startsWith("250");
            assertThat(smtp.data(TestMail.sample("html-only.eml"))).startsWith("250");
        }

        assertThat(stored("<big@example.org>")).isZero();
        assertThat(stored("<html-only-1@example.net>")).isEqualTo(1);
    }

    @Test
    void unreadableMailIsRefusedWith554AndNothingIsStored() {
        try (SmtpConversation smtp = SmtpConversation.open(listener.port())) {
            assertThat(smtp.envelope("someone@example.com", address)).startsWith("250");

            assertThat(smtp.data(TestMail.sample("no-from.eml"))).startsWith("554");
        }

        assertThat(stored("<no-from@example.com>")).isZero();
    }

    @Test
    void anInboundAddressRoutesToOneConnectionAtATime() {
        ChannelApi other = ChannelApi.forTenant(port, tenantContextKey, "tenant_" + random());
        HttpResponse<String> taken = other.postJson("/v1/channels/connections", emailConnection(address));
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(409);
        assertThat(JsonPath.<String>read(taken.body(), "$.code")).isEqualTo("inbound_address_taken");

        String moved = "help-" + random() + "@acme.example";
        HttpResponse<String> update = api.patchJson(
                "/v1/channels/connections/" + connectionId,
                "{\"settings\": {\"inboundAddress\": \"%s\"}}".formatted(moved),
                Map.of());
        assertThat(update.statusCode()).as(update.body()).isEqualTo(200);
        assertThat(recipientReply(address)).startsWith("550");
        assertThat(recipientReply(moved)).startsWith("250");

        String otherConnection = Connections.create(other, emailConnection(address));
        assertThat(recipientReply(address)).startsWith("250");
        String routed = "<routed-" + random() + "@example.net>";
        assertThat(deliver(TestMail.withMessageId(TestMail.sample("html-only.eml"), routed), address))
                .startsWith("250");
        Document stored = mongo.getCollection("inbound_messages")
                .find(new Document("providerMessageId", routed))
                .first();
        assertThat(stored).isNotNull();
        assertThat(stored.getString("tenantId")).isEqualTo(other.tenantId());
        assertThat(stored.getString("connectionId")).isEqualTo(otherConnection);

        assertThat(api.delete("/v1/channels/connections/" + connectionId).statusCode())
                .isEqualTo(204);
        assertThat(recipientReply(moved)).startsWith("550");
        assertThat(Connections.create(other, emailConnection(moved))).startsWith("con_");
    }

    @Test
    void anAddressClaimLeftByAnUnfinishedWriteIsTakenOverOnceItIsOld() {
        String abandoned = "sales-" + random() + "@acme.example";
        // What a crash between writing the claim and writing its connection leaves behind.
        mongo.getCollection("email_addresses")
                .insertOne(new Document("_id", abandoned)
                        .append("connectionId", "con_never_written")
                        .append("tenantId", "tenant_crashed")
                        .append("claimedAt", new Date()));

        HttpResponse<String> whileRecent = api.postJson("/v1/channels/connections", emailConnection(abandoned));
        assertThat(whileRecent.statusCode()).as(whileRecent.body()).isEqualTo(409);

        mongo.getCollection("email_addresses")
                .updateOne(
                        new Document("_id", abandoned),
                        new Document(
                                "$set",
                                new Document(
                                        "claimedAt", Date.from(Instant.now().minus(Duration.ofMinutes(2))))));
        Connections.create(api, emailConnection(abandoned));

        assertThat(recipientReply(abandoned)).startsWith("250");
    }

    @Test
    void aDisabledConnectionReceivesNoMail() {
        api.patchJson("/v1/channels/connections/" + connectionId, "{\"status\": \"disabled\"}", Map.of());

        await().untilAsserted(() -> assertThat(recipientReply(address)).startsWith("550"));
    }

    private String recipientReply(String recipient) {
        try (SmtpConversation smtp = SmtpConversation.open(listener.port())) {
            return smtp.envelope("ada@example.org", recipient);
        }
    }

    private String deliver(byte[] mail, String recipient) {
        return TestMail.deliverQuietly(listener.port(), mail, recipient);
    }

    private long stored(String providerMessageId) {
        return mongo.getCollection("inbound_messages")
                .countDocuments(
                        new Document("tenantId", api.tenantId()).append("providerMessageId", providerMessageId));
    }

    private static String emailConnection(String inboundAddress) {
        return """
                {"kind": "email", "displayName": "Acme Support", "settings": {"inboundAddress": "%s"}}"""
                .formatted(inboundAddress);
    }

    private static String random() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
