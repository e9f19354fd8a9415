package io.touchpoint.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoDatabase;
import io.touchpoint.channel.messaging.email.EmailListener;
import io.touchpoint.channel.support.ChannelApi;
import io.touchpoint.channel.support.Connections;
import io.touchpoint.channel.support.SmtpConversation;
import io.touchpoint.test.infrastructure.RealInfrastructure;
import io.touchpoint.test.infrastructure.TestInfrastructure;
import io.touchpoint.test.net.TcpProxy;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A mail that cannot be stored is not accepted: with MongoDB unreachable, DATA is answered 451, so the sending server
 * keeps the mail and delivers it again later, when it is stored once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class EmailStorageFailureIT {

    /** The service reaches MongoDB only through this proxy, which the test cuts. */
    private static final TcpProxy mongoProxy = proxyToMongo();

    @LocalServerPort
    int port;

    @Value("${touchpoint.tenant-context.key}")
    String tenantContextKey;

    @Autowired
    EmailListener listener;

    @DynamicPropertySource
    static void mongoThroughTheProxy(DynamicPropertyRegistry registry) {
        String uri = TestInfrastructure.databaseFor(EmailStorageFailureIT.class).uri();
        String host = new ConnectionString(uri).getHosts().get(0);
        String proxied = uri.replace(host, "127.0.0.1:" + mongoProxy.port());
        // Fail fast while the proxy is cut, instead of the driver's 30 s default.
        String options = "serverSelectionTimeoutMS=2000&connectTimeoutMS=1000&socketTimeoutMS=5000";
        registry.add("spring.mongodb.uri", () -> proxied + (proxied.contains("?") ? "&" : "?") + options);
    }

    @AfterAll
    static void closeProxy() {
        mongoProxy.close();
    }

    @Test
    void mailIsRefusedWith451WhileItCannotBeStoredAndStoredOnceWhenTheSenderRetries(MongoDatabase database) {
        ChannelApi api = ChannelApi.forTenant(port, tenantContextKey, "tenant_" + random());
        String address = "support-" + random() + "@acme.example";
        Connections.create(
                api,
                "{\"kind\": \"email\", \"displayName\": \"Acme Support\", \"settings\": {\"inboundAddress\": \"%s\"}}"
                        .formatted(address));
        String messageId = "<retry-" + random() + "@mail.example.org>";
        byte[] mail = TestMail.withMessageId(TestMail.sample("customer-reply.eml"), messageId);

        try (SmtpConversation smtp = SmtpConversation.open(listener.port())) {
            assertThat(smtp.envelope("ada.lovelace@example.org", address)).startsWith("250");
            mongoProxy.cut();
            try {
                assertThat(smtp.data(mail)).startsWith("451");
            } finally {
                mongoProxy.restore();
            }
        }
        assertThat(stored(database, api, messageId)).isZero();

        assertThat(deliverUntilAccepted(mail, address)).startsWith("250");
        assertThat(TestMail.deliverQuietly(listener.port(), mail, address)).startsWith("250");

        assertThat(stored(database, api, messageId)).isEqualTo(1);
    }

    /**
     * Delivers {@code mail} as a sending server does: again after each 451, until it is accepted. The service answers
     * 451 for a moment after the proxy is restored, until the MongoDB driver has found the server again.
     *
     * @return the server's reply to the accepted mail
     */
    private String deliverUntilAccepted(byte[] mail, String address) {
        AtomicReference<String> accepted = new AtomicReference<>();
        await("the mail accepted on a retry")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    try {
                        accepted.set(TestMail.deliver(listener.port(), mail, address));
                        return true;
                    } catch (MessagingException refused) {
                        if (replyCode(refused) == 451) {
                            return false;
                        }
                        throw refused;
                    }
                });
        return accepted.get();
    }

    /** The SMTP reply code of the server's refusal, or 0 when the refusal did not come from the server. */
    private static int replyCode(MessagingException refusal) {
        Exception cause = refusal;
        while (cause instanceof MessagingException failure) {
            if (failure instanceof SMTPSendFailedException sendFailed) {
                return sendFailed.getReturnCode();
            }
            if (failure instanceof SMTPAddressFailedException addressFailed) {
                return addressFailed.getReturnCode();
            }
            cause = failure.getNextException();
        }
        return 0;
    }

    /**
     * Counted in {@code database}, reached past the proxy: the service's own client would first have to find MongoDB
     * again after the cut.
     */
    private static long stored(MongoDatabase database, ChannelApi api, String providerMessageId) {
        return database.getCollection("inbound_messages")
                .countDocuments(
                        new Document("tenantId", api.tenantId()).append("providerMessageId", providerMessageId));
    }

    private static TcpProxy proxyToMongo() {
        String uri = TestInfrastructure.databaseFor(EmailStorageFailureIT.class).uri();
        String[] host = new ConnectionString(uri).getHosts().get(0).split(":");
        return TcpProxy.to(host[0], host.length > 1 ? Integer.parseInt(host[1]) : 27017)
                .start();
    }

    private static String random() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
