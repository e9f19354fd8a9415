package io.touchpoint.ticket.threading;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.touchpoint.test.infrastructure.RealInfrastructure;
import io.touchpoint.ticket.application.ThreadKeyStore;
import io.touchpoint.ticket.domain.ThreadKey;
import io.touchpoint.ticket.domain.ThreadKey.Kind;
import io.touchpoint.ticket.support.TicketApi;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Claiming the key of a new conversation points the new ticket's own keys at it in the same write, or none. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "touchpoint.tenant-context.key=" + TicketApi.TENANT_CONTEXT_KEY)
@RealInfrastructure
class ThreadKeyStoreIT {

    private static final ThreadKey PHONE = new ThreadKey(Kind.HANDLE, "con_sms|phone|+4915112345678");

    private static final ThreadKey CONVERSATION = new ThreadKey(Kind.CONVERSATION, "cnv_01new");

    private static final ThreadKey EMAIL = new ThreadKey(Kind.EMAIL, "first@mail");

    @Autowired
    ThreadKeyStore keys;

    @Autowired
    MeterRegistry meters;

    String tenant;

    @BeforeEach
    void tenant() {
        tenant = "tenant_" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aWinningClaimPointsItsCompanionsInTheSameWrite() {
        double inserts = threadKeyInserts();

        assertThat(keys.claim(tenant, PHONE, null, "tkt_a", List.of(CONVERSATION, EMAIL)))
                .isEqualTo("tkt_a");

        assertThat(keys.find(tenant, List.of(PHONE, CONVERSATION, EMAIL)))
                .isEqualTo(Map.of(PHONE, "tkt_a", CONVERSATION, "tkt_a", EMAIL, "tkt_a"));
        assertThat(threadKeyInserts() - inserts).as("insert commands").isEqualTo(1);
    }

    @Test
    void aLostClaimPointsNoneOfItsCompanions() {
        keys.claim(tenant, PHONE, null, "tkt_a", List.of());

        assertThat(keys.claim(tenant, PHONE, null, "tkt_b", List.of(CONVERSATION, EMAIL)))
                .isEqualTo("tkt_a");

        assertThat(keys.find(tenant, List.of(PHONE, CONVERSATION, EMAIL))).isEqualTo(Map.of(PHONE, "tkt_a"));
    }

    @Test
    void aCompanionLeadingSomewhereKeepsItsTicketAndTheOnesAfterItAreStillPointed() {
        keys.register(tenant, List.of(CONVERSATION), "tkt_old");

        assertThat(keys.claim(tenant, PHONE, null, "tkt_a", List.of(CONVERSATION, EMAIL)))
                .isEqualTo("tkt_a");

        assertThat(keys.find(tenant, List.of(PHONE, CONVERSATION, EMAIL)))
                .isEqualTo(Map.of(PHONE, "tkt_a", CONVERSATION, "tkt_old", EMAIL, "tkt_a"));
    }

    @Test
    void claimingAKeyFromAnEndedTicketPointsItsCompanionsOnlyIfTheClaimWins() {
        keys.claim(tenant, PHONE, null, "tkt_closed", List.of());

        assertThat(keys.claim(tenant, PHONE, "tkt_elsewhere", "tkt_b", List.of(CONVERSATION)))
                .as("a claim expecting another ticket")
                .isEqualTo("tkt_closed");
        assertThat(keys.find(tenant, List.of(CONVERSATION))).isEmpty();

        assertThat(keys.claim(tenant, PHONE, "tkt_closed", "tkt_new", List.of(CONVERSATION)))
                .isEqualTo("tkt_new");
        assertThat(keys.find(tenant, List.of(PHONE, CONVERSATION)))
                .isEqualTo(Map.of(PHONE, "tkt_new", CONVERSATION, "tkt_new"));
    }

    private double threadKeyInserts() {
        Timer commands = meters.find("mongodb.driver.commands")
                .tags("collection", "thread_keys", "command", "insert")
                .timer();
        return commands == null ? 0 : commands.count();
    }
}
