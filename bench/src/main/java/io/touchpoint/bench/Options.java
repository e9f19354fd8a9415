package io.touchpoint.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --name=value} command-line options, with defaults supplied by each scenario. */
record Options(Map<String, String> values) {

    static Options parse(String... args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got: " + arg);
            }
            int equals = arg.indexOf('=');
            values.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        return new Options(Map.copyOf(values));
    }

    String get(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }

    int getInt(String name, int defaultValue) {
        String value = values.get(name);
        return value == null ? defaultValue : Integer.parseInt(value);
    }
}
