package io.touchpoint.gateway.auth;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Authenticates against a fixed list of keys known by their SHA-256 digest, so that configuration never holds a
 * usable secret. Every entry is compared, in constant time, whatever matches first: the time taken does not depend
 * on which key, or how much of it, was right.
 */
public final class BootstrapKeyAuthenticator implements ApiKeyAuthenticator {

    /** One accepted key: the SHA-256 of the key and what the key stands for. */
    public record Entry(byte[] keySha256, Caller caller) {}

    private final List<Entry> entries;

    public BootstrapKeyAuthenticator(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Digests given as 64 hex characters, as in configuration. */
    public static Entry entry(String keySha256Hex, Caller caller) {
        if (keySha256Hex == null || keySha256Hex.length() != 64) {
            throw new IllegalArgumentException("key-sha256 must be 64 hex characters (the SHA-256 of the API key)");
        }
        return new Entry(HexFormat.of().parseHex(keySha256Hex), caller);
    }

    /** An entry for a key given in clear text (the local demo key handed over by the launcher). */
    public static Entry clearTextEntry(String apiKey, Caller caller) {
        return new Entry(ApiKeySecrets.sha256(apiKey), caller);
    }

    /** Keys held in memory: no lookup, so the budget is not asked. */
    @Override
    public Mono<Optional<Caller>> authenticate(String apiKey, RejectionBudget budget) {
        return Mono.fromSupplier(() -> find(apiKey));
    }

    private Optional<Caller> find(String apiKey) {
        byte[] presented = ApiKeySecrets.sha256(apiKey);
        Caller match = null;
        for (Entry entry : entries) {
            boolean equal = MessageDigest.isEqual(entry.keySha256(), presented);
            if (equal && match == null) {
                match = entry.caller();
            }
        }
        return Optional.ofNullable(match);
    }
}
