package io.touchpoint.channel.web.webhook.sms;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchpoint.channel.domain.connection.ChannelConnection;
import io.touchpoint.channel.domain.connection.ConnectionStatus;
import io.touchpoint.events.Channel;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class PublicWebhookUrlTests {

    @Test
    void theConnectionsWebhookUrlSettingWins() {
        MockHttpServletRequest request = request();
        request.addHeader("X-Forwarded-Host", "gateway.internal");

        assertThat(PublicWebhookUrl.of(
                        connection(Map.of("webhookUrl", "https://api.acme.example/webhooks/sms/con_1")), request))
                .isEqualTo("https://api.acme.example/webhooks/sms/con_1");
    }

    @Test
    void withoutTheSettingTheUrlIsRebuiltFromForwardedHeaders() {
        MockHttpServletRequest request = request();
        request.setQueryString("tag=a%20b");
        request.addHeader("X-Forwarded-Proto", "https, http");
        request.addHeader("X-Forwarded-Host", "api.acme.example, gateway.internal:8080");
        request.addHeader("X-Forwarded-Port", "443");

        assertThat(PublicWebhookUrl.of(connection(Map.of()), request))
                .isEqualTo("https://api.acme.example/webhooks/sms/con_1?tag=a%20b");
    }

    @Test
    void aNonDefaultForwardedPortAndAPrefixArePartOfTheUrl() {
        MockHttpServletRequest request = request();
        request.addHeader("X-Forwarded-Proto", "https");
        request.addHeader("X-Forwarded-Host", "api.acme.example");
        request.addHeader("X-Forwarded-Port", "8443");
        request.addHeader("X-Forwarded-Prefix", "/touchpoint/");

        assertThat(PublicWebhookUrl.rebuilt(request))
                .isEqualTo("https://api.acme.example:8443/touchpoint/webhooks/sms/con_1");
    }

    @Test
    void withoutForwardedHeadersItIsTheRequestsOwnUrl() {
        MockHttpServletRequest request = request();
        request.addHeader("Host", "127.0.0.1:8082");

        assertThat(PublicWebhookUrl.rebuilt(request)).isEqualTo("http://127.0.0.1:8082/webhooks/sms/con_1");
    }

    private static MockHttpServletRequest request() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/webhooks/sms/con_1");
        request.setScheme("http");
        request.setServerName("127.0.0.1");
        request.setServerPort(8082);
        return request;
    }

    private static ChannelConnection connection(Map<String, String> settings) {
        return new ChannelConnection(
                "con_1",
                "acme",
                Channel.SMS,
                "SMS",
                settings,
                Map.of("authToken", "t"),
                ConnectionStatus.ACTIVE,
                1,
                Instant.EPOCH,
                Instant.EPOCH);
    }
}
