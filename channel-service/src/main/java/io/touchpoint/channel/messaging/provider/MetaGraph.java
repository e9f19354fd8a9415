package io.touchpoint.channel.messaging.provider;

import io.touchpoint.channel.config.DeliveryProperties;
import io.touchpoint.channel.domain.connection.ChannelConnection;
import java.net.http.HttpRequest;
import tools.jackson.databind.JsonNode;

/** What the senders on Meta's Graph API (WhatsApp Cloud API, Send API) share: the endpoint, the token, the errors. */
final class MetaGraph {

    private MetaGraph() {}

    /** {@code POST {base}/{version}{path}} of {@code body}, with the access token as bearer. */
    static HttpRequest.Builder post(
            ChannelConnection connection,
            DeliveryProperties.Providers providers,
            String path,
            String accessToken,
            JsonNode body) {
        String base = ConnectionSettings.baseUrl(connection, providers.metaGraph());
        return ProviderHttp.postJson(ProviderHttp.uri(base, "/" + providers.metaGraphVersion() + path), body)
                .header("Authorization", "Bearer " + accessToken);
    }

    /** The Graph API's own error code in an error answer ({@code error.code}), or null. */
    static String errorCode(JsonNode body) {
        return ProviderHttp.text(body.path("error").path("code"));
    }
}
