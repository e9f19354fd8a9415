package io.touchpoint.ticket.application;

import io.touchpoint.ticket.domain.CannedResponse;
import java.util.List;
import java.util.Optional;

/** Where canned responses are kept. */
public interface CannedResponseStore {

    void insert(CannedResponse response);

    Optional<CannedResponse> find(String tenantId, String id);

    /** Responses of {@code tenantId} in id order after {@code after} (exclusive, may be null), at most {@code limit}. */
    List<CannedResponse> page(String tenantId, String after, int limit);

    /** Replaces the response if its stored version is {@code expectedVersion}; false if it changed or is gone. */
    boolean replace(CannedResponse response, long expectedVersion);

    boolean delete(String tenantId, String id);
}
