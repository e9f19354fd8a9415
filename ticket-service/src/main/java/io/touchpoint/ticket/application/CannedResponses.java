package io.touchpoint.ticket.application;

import io.touchpoint.starter.problem.NotFoundException;
import io.touchpoint.starter.problem.PreconditionFailedException;
import io.touchpoint.ticket.domain.CannedResponse;
import io.touchpoint.ticket.domain.Ids;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;

/** A tenant's library of reusable replies. */
@Service
public class CannedResponses {

    private final CannedResponseStore store;

    private final Clock clock;

    public CannedResponses(CannedResponseStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public CannedResponse create(String tenantId, CannedResponseContent content) {
        var now = clock.instant();
        var response = new CannedResponse(
                Ids.next(CannedResponse.ID_PREFIX),
                tenantId,
                content.name(),
                content.subjectLine(),
                content.text(),
                1,
                now,
                now);
        store.insert(response);
        return response;
    }

    public CannedResponse get(String tenantId, String id) {
        return store.find(tenantId, id)
                .orElseThrow(
                        () -> new NotFoundException("canned_response_not_found", "No canned response " + id + "."));
    }

    public List<CannedResponse> page(String tenantId, String after, int limit) {
        return store.page(tenantId, after, limit);
    }

    /**
     * Changes the fields of {@code change} that are set.
     *
     * @param expectedVersion the version the caller read ({@code If-Match}), or null to change whatever is stored
     */
    public CannedResponse update(String tenantId, String id, CannedResponseContent change, Long expectedVersion) {
        CannedResponse current = get(tenantId, id);
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new PreconditionFailedException(
                    "Canned response " + id + " is at version " + current.version() + ", not " + expectedVersion + ".");
        }
        var updated = new CannedResponse(
                id,
                tenantId,
                change.name() != null ? change.name() : current.name(),
                change.subjectLine() != null ? change.subjectLine() : current.subjectLine(),
                change.text() != null ? change.text() : current.text(),
                current.version() + 1,
                current.createdAt(),
                clock.instant());
        if (!store.replace(updated, current.version())) {
            throw new PreconditionFailedException("Canned response " + id + " changed while it was being updated.");
        }
        return updated;
    }

    public void delete(String tenantId, String id) {
        if (!store.delete(tenantId, id)) {
            throw new NotFoundException("canned_response_not_found", "No canned response " + id + ".");
        }
    }

    /** The fields of a canned response; in an update, null fields stay as they are. */
    public record CannedResponseContent(String name, String subjectLine, String text) {}
}
