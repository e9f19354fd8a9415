package io.touchpoint.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.touchpoint.channel.messaging.email.EmailListener;
import io.touchpoint.channel.support.ChannelApi;
import io.touchpoint.channel.support.Connections;
import io.touchpoint.events.Actor;
import io.touchpoint.events.Channel;
import io.touchpoint.events.EventType;
import io.touchpoint.events.Handle;
import io.touchpoint.events.MessageContent;
import io.touchpoint.events.interaction.InteractionReceived;
import io.touchpoint.events.message.MessageDelivered;
import io.touchpoint.events.reply.ReplyRequested;
import io.touchpoint.starter.cloudevents.CloudEvent;
import io.touchpoint.starter.cloudevents.CloudEventPublisher;
import io.touchpoint.test.events.EventCapture;
import io.touchpoint.test.infrastructure.RealInfrastructure;
import io.touchpoint.test.infrastructure.TestInfrastructure;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.subethamail.wiser.Wiser;

/**
 * A conversation by email, through the delivery pipeline: an agent's {@code reply.requested} goes out through the
 * connection's relay threaded under the customer's mail, and the customer's answer to it comes back into the
 * reply's conversation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class EmailConversationIT {

    private static final String CUSTOMER_MAIL_ID = "<CAF=reply-4711@mail.example.org>";

    @LocalServerPort
    int port;

    @Value("${touchpoint.tenant-context.key}")
    String tenantContextKey;

    @Autowired
    EmailListener listener;

    @Autowired
    CloudEventPublisher publisher;

    Wiser relay;

    ChannelApi api;

    String address;

    String connectionId;

    EventCapture delivered;

    EventCapture interactions;

    @BeforeEach
    void connection() {
        relay = Wiser.port(0);
        relay.start();
        api = ChannelApi.forTenant(port, tenantContextKey, "tenant_" + random());
        address = "support-" + random() + "@acme.example";
        connectionId = Connections.create(
                api,
                """
                {"kind": "email", "displayName": "Acme Support",
                 "settings": {"inboundAddress": "%s", "smtpHost": "127.0.0.1", "smtpPort": "%d", "smtpStartTls": "false"}}"""
                        .formatted(address, relay.getServer().getPortAllocated()));
        var broker = TestInfrastructure.virtualHostFor(getClass()).connectionFactory();
        delivered = EventCapture.bind(broker, EventType.MESSAGE_DELIVERED);
        interactions = EventCapture.bind(broker, EventType.INTERACTION_RECEIVED);
    }

    @AfterEach
    void close() {
        delivered.close();
        interactions.close();
        relay.stop();
    }

    @Test
    void anAgentsReplyIsThreadedUnderTheCustomersMailAndTheAnswerToItJoinsItsConversation() throws Exception {
        String conversationId = "cnv_" + random();
        ReplyRequested reply = new ReplyRequested(
                "rpl_" + random(),
                "tkt_" + random(),
                conversationId,
                connectionId,
                Channel.EMAIL,
                new Handle(Handle.Kind.EMAIL, "ada.lovelace@example.org", "Ada Lovelace"),
                new MessageContent("Order 4711 \u2013 still not here", "It ships today.", null, List.of()),
                CUSTOMER_MAIL_ID,
                List.of("<CAF=first-4711@mail.example.org>"),
                Actor.agent("agt_1"),
                Instant.now());

        publisher.publish(CloudEvent.of(api.tenantId(), reply));

        delivered.awaitCount(1);
        MessageDelivered sent = delivered.payloads(MessageDelivered.class).get(0);
        assertThat(sent.replyId()).isEqualTo(reply.replyId());
        assertThat(sent.channel()).isEqualTo(Channel.EMAIL);
        assertThat(sent.providerMessageId()).isEqualTo("<" + sent.messageId() + "@acme.example>");
        await().until(() -> relay.getMessages().size() == 1);
        MimeMessage mail = relay.getMessages().get(0).getMimeMessage();
        assertThat(mail.getMessageID()).isEqualTo(sent.providerMessageId());
        assertThat(mail.getHeader("In-Reply-To", null)).isEqualTo(CUSTOMER_MAIL_ID);
        assertThat(mail.getHeader("References", " ").split("\\s+"))
                .containsExactly("<CAF=first-4711@mail.example.org>", CUSTOMER_MAIL_ID);
        assertThat(mail.getSubject()).isEqualTo("Re: Order 4711 \u2013 still not here");

        String answer =
                """
                From: Ada Lovelace <ada.lovelace@example.org>
                To: %s
                Subject: Re: Order 4711 \u2013 still not here
                Message-ID: <answer-%s@mail.example.org>
                In-Reply-To: %s
                References: <CAF=first-4711@mail.example.org> %s %s
                Content-Type: text/plain; charset=UTF-8

                Thank you!
                """
                        .formatted(
                                address,
                                random(),
                                sent.providerMessageId(),
                                CUSTOMER_MAIL_ID,
                                sent.providerMessageId());
        assertThat(TestMail.deliver(listener.port(), answer.getBytes(StandardCharsets.UTF_8), address))
                .startsWith("250");

        interactions.awaitCount(1);
        InteractionReceived received =
                interactions.payloads(InteractionReceived.class).get(0);
        assertThat(received.thread().conversationId()).isEqualTo(conversationId);
        assertThat(received.thread().inReplyTo()).isEqualTo(sent.providerMessageId());
        assertThat(received.content().text()).isEqualTo("Thank you!\n");
    }

    private static String random() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
