package io.touchpoint.channel.application.webchat;

import io.touchpoint.channel.application.connection.ConnectionStore;
import io.touchpoint.channel.domain.Ids;
import io.touchpoint.channel.domain.connection.ChannelConnection;
import io.touchpoint.events.Channel;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The chat widgets: which {@code web_chat} connection a widget key (its connection id) names, and which web origins
 * may embed it. Widgets are public clients without tenant context, so a key is looked up whatever its tenant.
 */
@Service
public class WebChatWidgets {

    /** The connection setting listing the origins that may embed the widget, comma-separated; any when absent. */
    public static final String ALLOWED_ORIGINS = "allowedOrigins";

    private final ConnectionStore connections;

    private final ChatConversationStore conversations;

    public WebChatWidgets(ConnectionStore connections, ChatConversationStore conversations) {
        this.connections = connections;
        this.conversations = conversations;
    }

    /** The active web chat connection {@code connectionId}; empty for any other id, kind or state. */
    public Optional<ChannelConnection> find(String connectionId) {
        if (!Ids.hasPrefix(connectionId, ChannelConnection.ID_PREFIX)) {
            return Optional.empty();
        }
        return connections
                .findAcrossTenants(connectionId)
                .filter(connection -> connection.kind() == Channel.WEB_CHAT && connection.isActive());
    }

    /**
     * The origins allowed to call the widget API of connection {@code connectionId}: its {@value #ALLOWED_ORIGINS}
     * setting, or {@code *} when it has none. Empty for an unknown connection.
     */
    public Optional<List<String>> allowedOrigins(String connectionId) {
        return find(connectionId).map(WebChatWidgets::origins);
    }

    /** {@link #allowedOrigins} of the widget conversation {@code conversationId} was started on. */
    public Optional<List<String>> allowedOriginsOfConversation(String conversationId) {
        return conversations.find(conversationId).flatMap(found -> allowedOrigins(found.connectionId()));
    }

    private static List<String> origins(ChannelConnection connection) {
        return connection
                .setting(ALLOWED_ORIGINS)
                .map(value -> Arrays.stream(value.split("[,\\s]+"))
                        .filter(origin -> !origin.isBlank())
                        .toList())
                .filter(list -> !list.isEmpty())
                .orElse(List.of("*"));
    }
}
