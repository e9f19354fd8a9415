package io.touchpoint.ticket.application.privacy;

import io.micrometer.core.instrument.MeterRegistry;
import io.touchpoint.events.privacy.PrivacyErasureRequested;
import io.touchpoint.ticket.domain.privacy.PrivacyErasure;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Erases a customer's personal data from a tenant's tickets and conversations ({@code privacy.erasure_requested}).
 * Idempotent by nature, with no record of the request kept: an erased value is erased again unchanged, and the
 * tickets are erased last, so a redelivery after a failure half-way still finds them by the customer's handles.
 * Confirming the erasure ({@code privacy.erasure_completed}) is profile-service's, per the contract.
 */
@Service
public class PersonalDataErasure {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataErasure.class);

    private final PrivacyErasureStore store;

    private final MeterRegistry meters;

    public PersonalDataErasure(PrivacyErasureStore store, MeterRegistry meters) {
        this.store = store;
        this.meters = meters;
    }

    /** Erases what the tenant's tickets hold about the customer of {@code request}; returns how many tickets. */
    public int erase(String tenantId, PrivacyErasureRequested request) {
        PrivacyErasure erasure = PrivacyErasure.of(request.profileId(), request.identities());
        List<String> tickets = store.ticketsOf(tenantId, erasure);
        long messages = store.eraseMessages(tenantId, tickets, erasure);
        store.forgetThreadKeys(tenantId, tickets);
        store.eraseTickets(tenantId, tickets);
        log.info(
                "erasure request {} for profile {}: {} ticket(s) and {} message(s) of tenant {} erased",
                request.requestId(),
                request.profileId(),
                tickets.size(),
                messages,
                tenantId);
        meters.counter("touchpoint.ticket.privacy.erasures").increment();
        return tickets.size();
    }
}
