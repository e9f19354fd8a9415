package io.touchpoint.ticket.domain;

import static io.touchpoint.ticket.domain.TicketStatus.CLOSED;
import static io.touchpoint.ticket.domain.TicketStatus.NEW;
import static io.touchpoint.ticket.domain.TicketStatus.ON_HOLD;
import static io.touchpoint.ticket.domain.TicketStatus.OPEN;
import static io.touchpoint.ticket.domain.TicketStatus.PENDING;
import static io.touchpoint.ticket.domain.TicketStatus.RESOLVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TicketStatusTests {

    private static final Map<TicketStatus, Set<TicketStatus>> LIFECYCLE = Map.of(
            NEW, EnumSet.of(OPEN, PENDING, ON_HOLD, RESOLVED),
            OPEN, EnumSet.of(PENDING, ON_HOLD, RESOLVED),
            PENDING, EnumSet.of(OPEN, ON_HOLD, RESOLVED),
            ON_HOLD, EnumSet.of(OPEN, PENDING, RESOLVED),
            RESOLVED, EnumSet.of(OPEN, CLOSED),
            CLOSED, EnumSet.noneOf(TicketStatus.class));

    @Test
    void everyTransitionIsAllowedExactlyWhenTheLifecycleHasIt() {
        for (TicketStatus from : TicketStatus.values()) {
            for (TicketStatus to : TicketStatus.values()) {
                assertThat(from.canMoveTo(to))
                        .as("%s -> %s", from, to)
                        .isEqualTo(LIFECYCLE.get(from).contains(to));
            }
        }
    }

    @Test
    void nothingLeadsBackToNew() {
        assertThat(TicketStatus.values()).noneMatch(status -> status.canMoveTo(NEW));
    }

    @Test
    void aCustomerMessageEndsWaitingAndReopensButLeavesNewAlone() {
        assertThat(NEW.afterCustomerMessage()).isEqualTo(NEW);
        assertThat(PENDING.afterCustomerMessage()).isEqualTo(OPEN);
        assertThat(ON_HOLD.afterCustomerMessage()).isEqualTo(OPEN);
        assertThat(RESOLVED.afterCustomerMessage()).isEqualTo(OPEN);
        assertThatThrownBy(CLOSED::afterCustomerMessage).isInstanceOf(InvalidTransitionException.class);
    }

    @Test
    void theApiNamesStatusesInSnakeCase() {
        assertThat(ON_HOLD.apiName()).isEqualTo("on_hold");
    }
}
