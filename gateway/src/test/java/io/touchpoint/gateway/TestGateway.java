package io.touchpoint.gateway;

import io.touchpoint.gateway.auth.ApiKeySecrets;
import java.time.Duration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What the gateway's integration tests share: configured API keys and a client for the running gateway. */
public final class TestGateway {

    private TestGateway() {}

    /** Configures {@code key} as bootstrap key number {@code index}, for the tenant and principal given. */
    public static void bootstrapKey(
            DynamicPropertyRegistry registry,
            int index,
            String key,
            String tenant,
            String principal,
            String... scopes) {
        String prefix = "touchpoint.gateway.bootstrap-keys[" + index + "].";
        registry.add(prefix + "key-sha256", () -> ApiKeySecrets.hash(key));
        registry.add(prefix + "tenant", () -> tenant);
        registry.add(prefix + "principal", () -> principal);
        if (scopes.length > 0) {
            registry.add(prefix + "scopes", () -> String.join(",", scopes));
        }
    }

    /** A client for the gateway listening on {@code port}. */
    public static WebTestClient client(int port) {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10))
                .build();
    }

    /**
     * Makes the gateway count the client's address from {@code X-Forwarded-For}, as behind one load balancer (the last
     * entry), so that a test can act as several clients ({@link #ticketFrom}).
     */
    public static void trustForwardedAddresses(DynamicPropertyRegistry registry) {
        registry.add("touchpoint.gateway.trusted-proxies", () -> 1);
    }

    /**
     * {@code GET /v1/tickets/tkt_1} with {@code key}, as the client at {@code clientAddress} (or as the load balancer
     * would forward a request with {@code X-Forwarded-For} already set: {@code "spoofed, 203.0.113.7"}).
     */
    public static EntityExchangeResult<byte[]> ticketFrom(WebTestClient client, String clientAddress, String key) {
        return client.get()
                .uri("/v1/tickets/tkt_1")
                .header("X-Forwarded-For", clientAddress)
                .headers(headers -> headers.setBearerAuth(key))
                .exchange()
                .expectBody()
                .returnResult();
    }
}
