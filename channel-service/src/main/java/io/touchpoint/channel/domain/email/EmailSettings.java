package io.touchpoint.channel.domain.email;

import io.touchpoint.channel.domain.connection.ChannelConnection;
import io.touchpoint.events.Channel;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The settings and secret an email connection is configured with, and how its addresses compare: mail systems treat
 * addresses case-insensitively in practice, so an address is kept and looked up lower-cased.
 */
public final class EmailSettings {

    /** The address customers write to, e.g. {@code support@acme.example}; mail for it is stored on the connection. */
    public static final String INBOUND_ADDRESS = "inboundAddress";

    /** The SMTP relay replies go out through; the service-wide relay when absent. */
    public static final String SMTP_HOST = "smtpHost";

    public static final String SMTP_PORT = "smtpPort";

    public static final String SMTP_USERNAME = "smtpUsername";

    /** {@code true} or {@code false}: whether the relay must be spoken to over STARTTLS. */
    public static final String SMTP_START_TLS = "smtpStartTls";

    /** The secret that authenticates {@link #SMTP_USERNAME} at the relay. */
    public static final String SMTP_PASSWORD = "smtpPassword";

    private EmailSettings() {}

    /** {@code address} as it is compared and stored: trimmed, lower-cased. */
    public static String normalize(String address) {
        return address.trim().toLowerCase(Locale.ROOT);
    }

    /** The normalised inbound address of an email connection; empty for other kinds or when none is set. */
    public static Optional<String> inboundAddress(ChannelConnection connection) {
        return inboundAddress(connection.kind(), connection.settings());
    }

    /** The normalised inbound address of a connection of {@code kind} with {@code settings} (may be null). */
    public static Optional<String> inboundAddress(Channel kind, Map<String, String> settings) {
        if (kind != Channel.EMAIL || settings == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(settings.get(INBOUND_ADDRESS))
                .filter(address -> !address.isBlank())
                .map(EmailSettings::normalize);
    }
}
