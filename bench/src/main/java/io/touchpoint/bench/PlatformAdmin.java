package io.touchpoint.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The admin and API calls that set a run up: a tenant, a key, and an SMS connection whose webhook URL is known. */
record PlatformAdmin(HttpClient client, String gateway, String adminKey) {

    /** Creates {@code tenant} and an SMS connection with {@code authToken}; returns the connection's public webhook URL. */
    String smsConnection(String tenant, String authToken) throws Exception {
        send(
                "POST",
                "/v1/admin/tenants",
                adminKey,
                "{\"id\": \"%s\", \"name\": \"bench\", \"plan\": \"enterprise\"}".formatted(tenant));
        String key = field(
                send(
                        "POST",
                        "/v1/admin/tenants/" + tenant + "/api-keys",
                        adminKey,
                        "{\"name\": \"bench\", \"scopes\": [\"channels:admin\"]}"),
                "secret");
        String created = send(
                "POST",
                "/v1/channels/connections",
                key,
                """
                {"kind": "sms", "displayName": "bench", "settings": {"phoneNumber": "+14155550100",
                 "accountSid": "ACbench"}, "secrets": {"authToken": "%s"}}"""
                        .formatted(authToken));
        String id = field(created, "id");
        String webhook = gateway + field(created, "webhookPath");
        // Twilio signs the URL it calls: tell the connection which one that is.
        send(
                "PATCH",
                "/v1/channels/connections/" + id,
                key,
                "{\"settings\": {\"phoneNumber\": \"+14155550100\", \"accountSid\": \"ACbench\", \"webhookUrl\": \"%s\"}}"
                        .formatted(webhook));
        return webhook;
    }

    private String send(String method, String path, String bearer, String json) throws Exception {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(gateway + path))
                        .timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + bearer)
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(
                    method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String field(String json, String name) {
        Matcher matcher =
                Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return matcher.group(1);
    }
}
