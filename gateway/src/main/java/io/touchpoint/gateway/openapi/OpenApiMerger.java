package io.touchpoint.gateway.openapi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Merges the services' OpenAPI documents into the gateway's: paths and tags side by side, components renamed
 * {@code <service>_<name>} where two services define the same name differently (with their {@code $ref}s rewritten),
 * one bearer security scheme, and the services that did not answer listed in {@code x-touchpoint-missing}.
 */
final class OpenApiMerger {

    private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

    private OpenApiMerger() {}

    /** A service's document, or {@code null} when it could not be fetched. */
    record ServiceDocument(String service, JsonNode document) {}

    static ObjectNode merge(List<ServiceDocument> services, String serverUrl) {
        ObjectNode paths = nodes.objectNode();
        ObjectNode components = nodes.objectNode();
        Map<String, ObjectNode> tags = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (ServiceDocument service : services) {
            if (service.document() == null || !service.document().isObject()) {
                missing.add(service.service());
                continue;
            }
            ObjectNode document = (ObjectNode) service.document().deepCopy();
            Map<String, String> renamed = resolveClashes(service.service(), document, components);
            rewriteRefs(document, renamed);
            mergeComponents(document, components, service.service(), renamed);
            mergePaths(document, paths, service.service(), tags);
            for (JsonNode tag : document.path("tags")) {
                tags.putIfAbsent(tag.path("name").asString(), (ObjectNode) tag);
            }
        }
        ObjectNode merged = nodes.objectNode();
        merged.put("openapi", "3.1.0");
        ObjectNode info = merged.putObject("info");
        info.put("title", "Touchpoint API");
        info.put("version", "v1");
        info.put(
                "description",
                missing.isEmpty()
                        ? "Every Touchpoint service's public API, behind one gateway."
                        : "Every Touchpoint service's public API, behind one gateway. Not included (their documents"
                                + " could not be fetched): " + String.join(", ", missing) + ".");
        merged.putArray("servers").addObject().put("url", serverUrl);
        merged.putArray("security").addObject().putArray("bearer");
        ObjectNode bearer = components.putObject("securitySchemes").putObject("bearer");
        bearer.put("type", "http");
        bearer.put("scheme", "bearer");
        bearer.put("description", "An API key (tp_…) or a JWT, as 'Authorization: Bearer <token>'.");
        ArrayNode tagList = merged.putArray("tags");
        tags.values().forEach(tagList::add);
        merged.set("paths", paths);
        merged.set("components", components);
        ArrayNode missingList = merged.putArray("x-touchpoint-missing");
        missing.forEach(missingList::add);
        return merged;
    }

    /** Component names this document must rename because another service already uses them for something else. */
    private static Map<String, String> resolveClashes(String service, ObjectNode document, ObjectNode merged) {
        Map<String, String> renamed = new HashMap<>();
        JsonNode own = document.path("components");
        for (Map.Entry<String, JsonNode> section : own.properties()) {
            if (section.getKey().equals("securitySchemes")) {
                continue;
            }
            JsonNode existing = merged.path(section.getKey());
            for (Map.Entry<String, JsonNode> component : section.getValue().properties()) {
                JsonNode taken = existing.get(component.getKey());
                if (taken != null && !taken.equals(component.getValue())) {
                    String ref = "#/components/" + section.getKey() + "/";
                    renamed.put(ref + component.getKey(), ref + service + "_" + component.getKey());
                }
            }
        }
        return renamed;
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renamed) {
        if (renamed.isEmpty()) {
            return;
        }
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isString() && renamed.containsKey(ref.asString())) {
                object.set("$ref", StringNode.valueOf(renamed.get(ref.asString())));
            }
            object.values().forEach(child -> rewriteRefs(child, renamed));
        } else if (node instanceof ArrayNode array) {
            array.values().forEach(child -> rewriteRefs(child, renamed));
        }
    }

    private static void mergeComponents(
            ObjectNode document, ObjectNode merged, String service, Map<String, String> renamed) {
        for (Map.Entry<String, JsonNode> section : document.path("components").properties()) {
            if (section.getKey().equals("securitySchemes")) {
                continue; // the gateway has one scheme for every service
            }
            ObjectNode target = merged.has(section.getKey())
                    ? (ObjectNode) merged.get(section.getKey())
                    : merged.putObject(section.getKey());
            String ref = "#/components/" + section.getKey() + "/";
            for (Map.Entry<String, JsonNode> component : section.getValue().properties()) {
                String name = renamed.containsKey(ref + component.getKey())
                        ? service + "_" + component.getKey()
                        : component.getKey();
                target.set(name, component.getValue());
            }
        }
    }

    /**
     * The services serve their public endpoints (the chat widget's, survey answers) under {@code /public/**}, and the
     * gateway exposes them as {@code /v1/public/**} (the routes' {@code RewritePath}); everything else keeps its path.
     */
    static String publicPath(String servicePath) {
        return servicePath.startsWith("/public/") ? "/v1" + servicePath : servicePath;
    }

    private static void mergePaths(
            ObjectNode document, ObjectNode paths, String service, Map<String, ObjectNode> tags) {
        Set<String> operationIds = operationIds(paths);
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            String publicPath = publicPath(path.getKey());
            ObjectNode target =
                    paths.has(publicPath) ? (ObjectNode) paths.get(publicPath) : paths.putObject(publicPath);
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (target.has(operation.getKey())) {
                    continue; // two services claiming one operation: the first (in route order) is the one routed
                }
                if (operation.getValue() instanceof ObjectNode op && op.has("responses")) {
                    if (!op.has("tags")) {
                        op.putArray("tags").add(service);
                        tags.putIfAbsent(service, nodes.objectNode().put("name", service));
                    }
                    // Operation ids must be unique in the whole document; each service only knows its own.
                    String id = op.path("operationId").asString(null);
                    if (id != null && !operationIds.add(id)) {
                        String unique = service + "_" + id;
                        op.put("operationId", unique);
                        operationIds.add(unique);
                    }
                }
                target.set(operation.getKey(), operation.getValue());
            }
        }
    }

    private static Set<String> operationIds(ObjectNode paths) {
        Set<String> ids = new HashSet<>();
        for (JsonNode path : paths) {
            for (JsonNode operation : path) {
                if (operation.hasNonNull("operationId")) {
                    ids.add(operation.get("operationId").asString());
                }
            }
        }
        return ids;
    }
}
