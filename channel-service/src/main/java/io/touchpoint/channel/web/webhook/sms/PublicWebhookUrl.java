package io.touchpoint.channel.web.webhook.sms;

import io.touchpoint.channel.application.outbound.StatusCallbacks;
import io.touchpoint.channel.domain.connection.ChannelConnection;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * The URL a provider called, which providers that sign URLs (Twilio) sign. Requests reach this service through the
 * gateway, so the URL the service sees is not the one the provider called. In order of preference:
 *
 * <ol>
 *   <li>the connection's {@code webhookUrl} setting, verbatim: the URL entered in the provider's console, which is
 *       right whatever proxies sit in between;
 *   <li>else the URL rebuilt from {@code X-Forwarded-Proto}, {@code X-Forwarded-Host}, {@code X-Forwarded-Port} and
 *       {@code X-Forwarded-Prefix} (the gateway sets them; with several proxies, the first value, the one nearest
 *       the provider, counts), with this request's path and query string;
 *   <li>else this request's own URL.
 * </ol>
 */
final class PublicWebhookUrl {

    private PublicWebhookUrl() {}

    static String of(ChannelConnection connection, HttpServletRequest request) {
        return connection.setting(StatusCallbacks.WEBHOOK_URL).orElseGet(() -> rebuilt(request));
    }

    static String rebuilt(HttpServletRequest request) {
        String scheme = first(request.getHeader("X-Forwarded-Proto"));
        if (scheme == null) {
            scheme = request.getScheme();
        }
        scheme = scheme.toLowerCase(Locale.ROOT);
        String host = first(request.getHeader("X-Forwarded-Host"));
        if (host != null) {
            String port = first(request.getHeader("X-Forwarded-Port"));
            if (port != null && !hasPort(host) && !isDefault(scheme, port)) {
                host = host + ":" + port;
            }
        } else {
            host = request.getHeader("Host");
            if (host == null) {
                host = request.getServerName() + ":" + request.getServerPort();
            }
        }
        String prefix = first(request.getHeader("X-Forwarded-Prefix"));
        prefix = prefix == null ? "" : prefix.replaceAll("/+$", "");
        String query = request.getQueryString();
        return scheme + "://" + host + prefix + request.getRequestURI() + (query != null ? "?" + query : "");
    }

    private static String first(String header) {
        if (header == null) {
            return null;
        }
        String value = header.split(",", 2)[0].strip();
        return value.isEmpty() ? null : value;
    }

    private static boolean hasPort(String host) {
        int colon = host.lastIndexOf(':');
        return colon > host.lastIndexOf(']');
    }

    private static boolean isDefault(String scheme, String port) {
        return ("https".equals(scheme) && "443".equals(port)) || ("http".equals(scheme) && "80".equals(port));
    }
}
