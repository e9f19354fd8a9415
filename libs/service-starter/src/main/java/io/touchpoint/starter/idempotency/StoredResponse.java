package io.touchpoint.starter.idempotency;

import java.util.Map;

/** The parts of a response that are replayed for a repeated request: status, a few headers, and the body. */
public record StoredResponse(int status, Map<String, String> headers, byte[] body) {

    public StoredResponse {
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
