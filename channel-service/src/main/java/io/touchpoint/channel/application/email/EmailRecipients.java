package io.touchpoint.channel.application.email;

import io.touchpoint.channel.application.connection.ConnectionStore;
import io.touchpoint.channel.domain.connection.ChannelConnection;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Which connection mail for an address belongs to. Like a provider webhook, inbound mail carries no tenant context:
 * the recipient address is what names the tenant's connection.
 */
@Service
public class EmailRecipients {

    private final ConnectionStore connections;

    public EmailRecipients(ConnectionStore connections) {
        this.connections = connections;
    }

    /**
     * The active email connection whose inbound address is {@code address} (case-insensitive), or empty: an unknown
     * address and a disabled connection look the same to the sender.
     */
    public Optional<ChannelConnection> connectionFor(String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        return connections.findByInboundAddress(address).filter(ChannelConnection::isActive);
    }
}
