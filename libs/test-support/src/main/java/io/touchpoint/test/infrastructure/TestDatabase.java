package io.touchpoint.test.infrastructure;

/** The MongoDB database of one test class. */
public record TestDatabase(String name, MongoEndpoint server) {

    /** The connection string that selects this database, as {@code spring.mongodb.uri} gets it. */
    public String uri() {
        return server.uri(name);
    }
}
