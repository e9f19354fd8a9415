package io.touchpoint.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ClientAddressesTests {

    private static final InetSocketAddress BALANCER = new InetSocketAddress("10.0.0.5", 41000);

    @Test
    void withoutTrustedProxiesTheClientIsThePeerWhateverTheHeaderSays() {
        MockServerHttpRequest request = MockServerHttpRequest.get("/")
                .remoteAddress(BALANCER)
                .header("X-Forwarded-For", "203.0.113.7")
                .build();

        assertThat(new ClientAddresses(0).of(request)).isEqualTo("10.0.0.5");
    }

    @Test
    void behindProxiesTheClientIsTheEntryThatManyPlacesFromTheRight() {
        MockServerHttpRequest request = MockServerHttpRequest.get("/")
                .remoteAddress(BALANCER)
                .header("X-Forwarded-For", "198.51.100.99, 203.0.113.7")
                .header("X-Forwarded-For", "10.0.0.9")
                .build();

        assertThat(new ClientAddresses(1).of(request)).isEqualTo("10.0.0.9");
        assertThat(new ClientAddresses(2).of(request)).isEqualTo("203.0.113.7");
        assertThat(new ClientAddresses(3).of(request)).isEqualTo("198.51.100.99");
    }

    @Test
    void aRequestThatDidNotComeThroughEveryProxyCountsAgainstItsPeer() {
        MockServerHttpRequest forwardedOnce = MockServerHttpRequest.get("/")
                .remoteAddress(BALANCER)
                .header("X-Forwarded-For", "203.0.113.7")
                .build();
        MockServerHttpRequest direct =
                MockServerHttpRequest.get("/").remoteAddress(BALANCER).build();

        assertThat(new ClientAddresses(2).of(forwardedOnce)).isEqualTo("10.0.0.5");
        assertThat(new ClientAddresses(1).of(direct)).isEqualTo("10.0.0.5");
    }

    @Test
    void aNegativeCountIsRefusedAtStart() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ClientAddresses(-1));
    }
}
