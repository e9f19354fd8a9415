package io.touchpoint.events;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Test access to the contract's resources: schemas, samples, and validation against them. */
final class Contract {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            (registry) -> registry.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private Contract() {}

    static boolean exists(String resource) {
        return Contract.class.getResource(resource) != null;
    }

    static byte[] bytes(String resource) {
        try (InputStream in = Contract.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static JsonNode tree(String resource) {
        return EventJson.mapper().readTree(bytes(resource));
    }

    static ObjectNode sample(EventType type) {
        return (ObjectNode) tree(type.sampleResource());
    }

    static JsonNode schemaTree(EventType type) {
        return tree(type.schemaResource());
    }

    static Schema schema(EventType type) {
        return SCHEMAS.getSchema(schemaTree(type));
    }

    /** Checks a schema itself against the draft 2020-12 meta-schema. */
    static List<Error> validateSchema(EventType type) {
        return SCHEMAS.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"))
                .validate(schemaTree(type));
    }

    static List<Error> validate(EventType type, JsonNode data) {
        return schema(type).validate(data);
    }

    static List<Error> validate(EventType type, byte[] data) {
        return validate(type, EventJson.mapper().readTree(data));
    }
}
