package io.touchpoint.channel.messaging.provider;

import io.touchpoint.channel.config.DeliveryProperties;
import io.touchpoint.channel.domain.outbound.SendOutcome;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP client of every provider sender, with short timeouts, and the mapping of a provider's answer to a
 * {@link SendOutcome}: 2xx accepted; 408, 429, 5xx, timeouts and broken connections transient (retried); any other
 * 4xx permanent, unless the provider's own error code says it is throttling.
 */
@Component
class ProviderHttp {

    static final JsonMapper json = JsonMapper.builder().build();

    private final HttpClient client;

    private final Duration readTimeout;

    ProviderHttp(DeliveryProperties properties) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.readTimeout = properties.readTimeout();
    }

    /** What differs between providers: where the id and the error code are in their answers. */
    interface Api {

        /** The provider's name, for error messages. */
        String name();

        /** The id of the accepted message in a 2xx answer, or null if it has none. */
        String providerMessageId(JsonNode body);

        /** The provider's own error code in an error answer, or null. */
        String providerErrorCode(JsonNode body);

        /** Touchpoint's code for a permanent refusal: {@code invalid_recipient}, {@code window_closed}, … */
        String errorCode(int status, String providerErrorCode);

        /** Whether a 4xx answer is throttling all the same (Meta answers some rate limits with 400). */
        default boolean isThrottling(int status, String providerErrorCode) {
            return false;
        }

        /** The outcome of an accepted message: {@code SENT} when receipts will follow, else {@code DELIVERED}. */
        default SendOutcome accepted(String providerMessageId) {
            return new SendOutcome.Accepted(providerMessageId);
        }
    }

    static URI uri(String base, String path) {
        return URI.create(base.replaceAll("/+$", "") + path);
    }

    /** A POST of {@code body} as JSON to {@code uri}. */
    static HttpRequest.Builder postJson(URI uri, JsonNode body) {
        return HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
    }

    SendOutcome send(HttpRequest.Builder request, Api api) {
        HttpResponse<String> response;
        try {
            response = client.send(request.timeout(readTimeout).build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            return new SendOutcome.TransientFailure(
                    "provider_timeout", null, api.name() + " did not answer within " + readTimeout + ".");
        } catch (IOException e) {
            return new SendOutcome.TransientFailure(
                    "provider_unreachable",
                    null,
                    api.name() + " could not be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendOutcome.TransientFailure("interrupted", null, "Sending was interrupted.");
        }
        int status = response.statusCode();
        JsonNode body = parse(response.body());
        if (status >= 200 && status < 300) {
            String id = body != null ? api.providerMessageId(body) : null;
            if (id == null || id.isBlank()) {
                // Possibly sent: retrying could send it twice, so give up and say why.
                return new SendOutcome.PermanentFailure(
                        "unexpected_response", null, api.name() + " accepted the message but returned no id.");
            }
            return api.accepted(id);
        }
        String providerCode = body != null ? api.providerErrorCode(body) : null;
        String described = api.name() + " answered HTTP " + status
                + (providerCode != null ? " (error " + providerCode + ")" : "") + ".";
        if (status == 429 || api.isThrottling(status, providerCode)) {
            return new SendOutcome.TransientFailure("rate_limited", providerCode, described);
        }
        if (status == 408 || status >= 500 || status < 200) {
            return new SendOutcome.TransientFailure("provider_unavailable", providerCode, described);
        }
        if (status >= 300 && status < 400) {
            return new SendOutcome.PermanentFailure("provider_redirected", providerCode, described);
        }
        return new SendOutcome.PermanentFailure(api.errorCode(status, providerCode), providerCode, described);
    }

    /** A JSON value as text (numbers too), or null when absent. */
    static String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull() || !node.isValueNode()) {
            return null;
        }
        return node.asString();
    }

    /** {@code provider_auth_failed} for 401/403, {@code invalid_recipient} for 404, else {@code rejected}. */
    static String byStatus(int status) {
        return switch (status) {
            case 401, 403 -> "provider_auth_failed";
            case 404 -> "invalid_recipient";
            default -> "rejected";
        };
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }
}
