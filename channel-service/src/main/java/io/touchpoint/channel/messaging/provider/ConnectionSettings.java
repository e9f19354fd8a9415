package io.touchpoint.channel.messaging.provider;

import io.touchpoint.channel.domain.connection.ChannelConnection;
import io.touchpoint.channel.domain.outbound.SendOutcome;
import java.net.URI;
import java.util.Optional;

/** Reading what a sender needs from a connection, and the refusal when it is not there. */
final class ConnectionSettings {

    /** A connection setting that overrides the provider's API base URL (a regional endpoint, a test server). */
    static final String API_BASE_URL = "apiBaseUrl";

    private ConnectionSettings() {}

    static String baseUrl(ChannelConnection connection, URI fallback) {
        return connection.setting(API_BASE_URL).orElse(fallback.toString());
    }

    /** A setting, else a secret of that name: some ids (account SIDs) are kept as either. */
    static Optional<String> settingOrSecret(ChannelConnection connection, String name) {
        return connection.setting(name).or(() -> connection.secret(name));
    }

    static SendOutcome.PermanentFailure missing(ChannelConnection connection, String what) {
        return new SendOutcome.PermanentFailure(
                "connection_misconfigured", null, "Connection " + connection.id() + " has no " + what + ".");
    }

    static SendOutcome.PermanentFailure noText() {
        return new SendOutcome.PermanentFailure("content_rejected", null, "The message has no text to send.");
    }
}
