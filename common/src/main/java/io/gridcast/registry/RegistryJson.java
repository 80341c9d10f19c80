package io.gridcast.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes and reads the JSON fields of a {@link ModelVersion}: parameters, features, metrics. */
public final class RegistryJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RegistryJson() {
    }

    /** Writes {@code value} (maps, lists, numbers, strings) as compact JSON. */
    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON for " + value, e);
        }
    }

    /**
     * Flattens a JSON object to dotted keys and text values, in document order: numbers
     * shortened to 6 significant digits, arrays kept as JSON text.
     */
    public static Map<String, String> flatten(String json) {
        Map<String, String> flat = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return flat;
        }
        try {
            flatten("", JSON.readTree(json), flat);
        } catch (JsonProcessingException e) {
            flat.put("(invalid JSON)", json);
        }
        return flat;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> flat) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> flatten(
                    prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(),
                    field.getValue(), flat));
        } else if (node.isNumber()) {
            flat.put(prefix, number(node.asDouble()));
        } else {
            flat.put(prefix, node.isTextual() ? node.asText() : node.toString());
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.valueOf((long) value) : String.format("%.6g", value);
    }
}
