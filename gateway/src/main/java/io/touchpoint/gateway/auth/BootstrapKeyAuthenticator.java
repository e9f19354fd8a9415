package io.touchpoint.gateway.auth;

import io.touchpoint.tenancy.TenantContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
    public record Entry(byte[] keySha256, TenantContext context) {}

    private final List<Entry> entries;

    public BootstrapKeyAuthenticator(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Digests given as 64 hex characters, as in configuration. */
    public static Entry entry(String keySha256Hex, TenantContext context) {
        if (keySha256Hex == null || keySha256Hex.length() != 64) {
            throw new IllegalArgumentException("key-sha256 must be 64 hex characters (the SHA-256 of the API key)");
        }
        return new Entry(HexFormat.of().parseHex(keySha256Hex), context);
    }

    /** An entry for a key given in clear text (the local demo key handed over by the launcher). */
    public static Entry clearTextEntry(String apiKey, TenantContext context) {
        return new Entry(sha256(apiKey), context);
    }

    @Override
    public Mono<Optional<TenantContext>> authenticate(String apiKey) {
        return Mono.fromSupplier(() -> find(apiKey));
    }

    private Optional<TenantContext> find(String apiKey) {
        byte[] presented = sha256(apiKey);
        TenantContext match = null;
        for (Entry entry : entries) {
            boolean equal = MessageDigest.isEqual(entry.keySha256(), presented);
            if (equal && match == null) {
                match = entry.context();
            }
        }
        return Optional.ofNullable(match);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
