package io.touchpoint.ticket.application;

import io.touchpoint.ticket.domain.Ticket;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Merging a duplicate ticket into another: the source is closed and points at the target, the target shows the
 * source's messages, and messages threaded to the source from then on land on the target.
 *
 * <p>Two writes, each safe to repeat: should the second be lost, merging the same pair again completes it.
 */
@Service
public class TicketMerging {

    private static final Logger log = LoggerFactory.getLogger(TicketMerging.class);

    private final TicketUpdates updates;

    private final Clock clock;

    public TicketMerging(TicketUpdates updates, Clock clock) {
        this.updates = updates;
        this.clock = clock;
    }

    /** Merges {@code sourceId} into {@code targetId} and returns the target. */
    public Ticket merge(String tenantId, String targetId, String sourceId) {
        Ticket target = updates.get(tenantId, targetId);
        Instant now = clock.instant();
        Ticket source = updates.get(tenantId, sourceId);
        if (!targetId.equals(source.mergedInto())) {
            source = updates.modify(tenantId, sourceId, null, current -> current.mergeInto(target, now));
        }
        Ticket merged = source;
        Ticket result = updates.modify(tenantId, targetId, null, current -> current.absorb(merged, now));
        log.info("ticket {} merged into {} for tenant {}", sourceId, targetId, tenantId);
        return result;
    }
}
