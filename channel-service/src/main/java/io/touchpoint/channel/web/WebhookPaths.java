package io.touchpoint.channel.web;

import io.touchpoint.channel.domain.connection.ChannelConnection;
import java.util.Locale;

/** The public path of a connection's provider webhook: {@code /webhooks/{kind}/{connectionId}} (API.md). */
final class WebhookPaths {

    private WebhookPaths() {}

    static String of(ChannelConnection connection) {
        return "/webhooks/" + connection.kind().name().toLowerCase(Locale.ROOT).replace('_', '-') + "/"
                + connection.id();
    }
}
