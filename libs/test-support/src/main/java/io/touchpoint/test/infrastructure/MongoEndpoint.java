package io.touchpoint.test.infrastructure;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The MongoDB wire-protocol server the tests of this JVM use.
 *
 * @param connectionString base connection string, without a database
 */
public record MongoEndpoint(String connectionString, Kind kind) {

    private static final Pattern URI = Pattern.compile("^(mongodb(?:\\+srv)?://[^/?]*)(/[^?]*)?(\\?.*)?$");

    /** Where the server came from, in the order they are tried. */
    public enum Kind {
        /** {@code MONGODB_URI} was set. */
        ENVIRONMENT,
        /** A Testcontainers {@code mongo} container started for this JVM. */
        CONTAINER,
        /** An in-process mongo-java-server: not MongoDB, see shared/STACK.md for what it lacks. */
        EMBEDDED
    }

    public MongoEndpoint {
        if (!URI.matcher(connectionString).matches()) {
            throw new IllegalArgumentException("Not a MongoDB connection string: " + redact(connectionString));
        }
    }

    /**
     * The connection string with {@code database} as its path. Credentials keep authenticating where the base string
     * said (its database, else {@code admin}), not against the new database.
     */
    public String uri(String database) {
        Matcher matcher = URI.matcher(connectionString);
        matcher.matches();
        String hosts = matcher.group(1);
        String path = matcher.group(2) == null ? "" : matcher.group(2).substring(1);
        String query = matcher.group(3) == null ? "" : matcher.group(3).substring(1);
        boolean hasCredentials = hosts.indexOf('@') >= 0;
        if (hasCredentials && !query.matches("(?i)(.*&)?authSource=.*")) {
            String authSource = "authSource=" + (path.isEmpty() ? "admin" : path);
            query = query.isEmpty() ? authSource : query + "&" + authSource;
        }
        return hosts + "/" + database + (query.isEmpty() ? "" : "?" + query);
    }

    @Override
    public String toString() {
        return "MongoEndpoint[" + kind + " " + redact(connectionString) + "]";
    }

    static String redact(String uri) {
        return uri.replaceAll("://[^@/?]*@", "://***@");
    }
}
