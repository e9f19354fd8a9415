package io.touchpoint.ticket.support;

import com.rabbitmq.client.Delivery;
import io.touchpoint.events.CloudEventHeaders;
import io.touchpoint.events.EventJson;
import io.touchpoint.events.EventPayload;
import io.touchpoint.test.events.EventCapture;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;

/** The events one tenant's tickets published, out of everything an {@link EventCapture} received. */
public final class TenantEvents {

    private TenantEvents() {}

    /** The payloads published for {@code tenantId} so far, each checked against the contract schema first. */
    public static <T extends EventPayload> List<T> of(EventCapture capture, String tenantId, Class<T> type) {
        return capture.deliveries().stream()
                .filter(delivery -> tenantId.equals(tenant(delivery)))
                .map(delivery -> {
                    capture.assertMatchesContract(delivery);
                    return EventJson.read(delivery.getBody(), type);
                })
                .toList();
    }

    /** Waits until at least {@code count} events were published for {@code tenantId}, and returns them. */
    public static <T extends EventPayload> List<T> await(
            EventCapture capture, String tenantId, Class<T> type, int count) {
        return Awaitility.await(count + " " + type.getSimpleName() + " for " + tenantId)
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(25))
                .until(() -> of(capture, tenantId, type), events -> events.size() >= count);
    }

    private static String tenant(Delivery delivery) {
        return EventCapture.header(delivery.getProperties().getHeaders(), CloudEventHeaders.TENANT_ID);
    }
}
