package io.gridcast.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Serialises the JSON fields of a {@link ModelVersion}: parameters, features, metrics. */
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
}
