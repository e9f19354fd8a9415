package io.touchpoint.test.infrastructure;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Creates and deletes virtual hosts on the resolved broker. */
interface VirtualHosts {

    /** Creates {@code name} and gives the test user full permissions on it. */
    void create(String name) throws Exception;

    void delete(String name) throws Exception;

    /** Runs a broker administration command and answers its exit code and output. */
    @FunctionalInterface
    interface CommandRunner {
        CommandResult run(String... command) throws Exception;
    }

    record CommandResult(int exitCode, String output) {}

    /** Through the RabbitMQ management HTTP API. */
    static VirtualHosts managementApi(String baseUrl, String username, String password) {
        return new ManagementApi(baseUrl, username, password);
    }

    /** Through {@code rabbitmqctl}, run by {@code runner} (a local process or {@code execInContainer}). */
    static VirtualHosts rabbitmqctl(CommandRunner runner, String username) {
        return new Rabbitmqctl(runner, username);
    }

    /** Runs {@code rabbitmqctl} on this machine. */
    static CommandRunner localProcess() {
        return command -> {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new CommandResult(-1, "timed out");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new CommandResult(process.exitValue(), output);
        };
    }

    /**
     * Uses the first of {@code candidates} that manages to create a virtual host, and keeps using it; fails with every
     * candidate's error when none does.
     */
    static VirtualHosts firstWorking(List<VirtualHosts> candidates) {
        return new VirtualHosts() {
            private volatile VirtualHosts chosen;

            @Override
            public void create(String name) throws Exception {
                if (chosen != null) {
                    chosen.create(name);
                    return;
                }
                List<Exception> failures = new ArrayList<>();
                for (VirtualHosts candidate : candidates) {
                    try {
                        candidate.create(name);
                        chosen = candidate;
                        return;
                    } catch (Exception e) {
                        failures.add(e);
                    }
                }
                IOException failure = new IOException("could not create virtual host " + name);
                failures.forEach(failure::addSuppressed);
                throw failure;
            }

            @Override
            public void delete(String name) throws Exception {
                if (chosen != null) {
                    chosen.delete(name);
                }
            }
        };
    }

    final class ManagementApi implements VirtualHosts {

        private static final String ALL_PERMISSIONS = "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}";

        // HTTP/1.1: the JDK client's h2c upgrade attempt makes the management API's server drop the connection.
        private final HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        private final String baseUrl;
        private final String username;
        private final String authorization;

        ManagementApi(String baseUrl, String username, String password) {
            this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
            this.username = username;
            this.authorization = "Basic "
                    + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void create(String name) throws Exception {
            send("PUT", "/api/vhosts/" + encode(name), "{}");
            send("PUT", "/api/permissions/" + encode(name) + "/" + encode(username), ALL_PERMISSIONS);
        }

        @Override
        public void delete(String name) throws Exception {
            send("DELETE", "/api/vhosts/" + encode(name), null);
        }

        private void send(String method, String path, String json) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", authorization);
            if (json == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IOException(
                        method + " " + baseUrl + path + " answered " + response.statusCode() + ": " + response.body());
            }
        }

        private static String encode(String segment) {
            return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }

    final class Rabbitmqctl implements VirtualHosts {

        private final CommandRunner runner;
        private final String username;

        Rabbitmqctl(CommandRunner runner, String username) {
            this.runner = runner;
            this.username = username;
        }

        @Override
        public void create(String name) throws Exception {
            run("rabbitmqctl", "add_vhost", name);
            run("rabbitmqctl", "set_permissions", "-p", name, username, ".*", ".*", ".*");
        }

        @Override
        public void delete(String name) throws Exception {
            run("rabbitmqctl", "delete_vhost", name);
        }

        private void run(String... command) throws Exception {
            CommandResult result = runner.run(command);
            if (result.exitCode() != 0) {
                throw new IOException(String.join(" ", command) + " exited with " + result.exitCode() + ": "
                        + result.output().strip());
            }
        }
    }
}
