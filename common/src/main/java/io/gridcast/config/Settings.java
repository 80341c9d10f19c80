package io.gridcast.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Typed view of gridcast's HOCON settings.
 *
 * <p>The embedded {@code local.conf} is the base; an optional file given with {@code --conf}
 * is applied over it, and {@code --set key=value} overrides over both. Keys may be given with
 * or without the leading {@code gridcast.}.
 */
public final class Settings {

    /** Classpath location of the embedded default, copied from {@code conf/local.conf}. */
    public static final String DEFAULT_RESOURCE = "gridcast/local.conf";

    private final Config config;

    private Settings(Config config) {
        this.config = config;
    }

    /** Loads the embedded default only. */
    public static Settings defaults() {
        return load(null, Map.of());
    }

    /**
     * Loads the default, then {@code confFile} if not null, then {@code overrides}.
     *
     * @throws IllegalArgumentException if the file is missing or a value does not parse
     */
    public static Settings load(Path confFile, Map<String, String> overrides) {
        Config base = ConfigFactory.parseResources(
                Settings.class.getClassLoader(), DEFAULT_RESOURCE,
                ConfigParseOptions.defaults().setAllowMissing(false));
        Config merged = base;
        if (confFile != null) {
            if (!Files.isRegularFile(confFile)) {
                throw new IllegalArgumentException("Configuration file not found: " + confFile);
            }
            merged = ConfigFactory.parseFile(confFile.toFile()).withFallback(merged);
        }
        merged = ConfigFactory.parseMap(qualify(overrides), "--set").withFallback(merged);
        try {
            return new Settings(merged.resolve(ConfigResolveOptions.defaults()));
        } catch (ConfigException e) {
            throw new IllegalArgumentException("Invalid configuration: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> qualify(Map<String, String> overrides) {
        Map<String, String> qualified = new java.util.LinkedHashMap<>();
        overrides.forEach((key, value) -> qualified.put(
                key.startsWith("gridcast.") ? key : "gridcast." + key, value));
        return qualified;
    }

    /** Returns a copy with one more override, as {@code --set key=value} would give. */
    public Settings with(String key, Object value) {
        String path = key.startsWith("gridcast.") ? key : "gridcast." + key;
        return new Settings(ConfigFactory.parseMap(Map.of(path, value)).withFallback(config));
    }

    public String string(String key) {
        return get(key, config::getString);
    }

    public int integer(String key) {
        return get(key, config::getInt);
    }

    public double number(String key) {
        return get(key, config::getDouble);
    }

    public boolean flag(String key) {
        return get(key, config::getBoolean);
    }

    /**
     * Returns a list of integers. A value given on the command line ({@code --set
     * key=56,84} or {@code --set key=[56,84]}) arrives as text and is split on commas.
     */
    public List<Integer> integers(String key) {
        if (config.hasPath(path(key))
                && config.getValue(path(key)).valueType() == com.typesafe.config.ConfigValueType.STRING) {
            String text = string(key).replace("[", "").replace("]", "").trim();
            try {
                return text.isEmpty() ? List.of() : java.util.Arrays.stream(text.split(","))
                        .map(String::trim).map(Integer::valueOf).toList();
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Invalid setting " + path(key) + ": "
                        + text + " (expected whole numbers separated by commas)");
            }
        }
        return get(key, config::getIntList);
    }

    public boolean has(String key) {
        return config.hasPath(path(key));
    }

    /** Returns the sub-tree under {@code key} flattened to dotted keys and string values. */
    public Map<String, String> section(String key) {
        Map<String, String> flat = new java.util.TreeMap<>();
        if (!has(key)) {
            return flat;
        }
        config.getConfig(path(key)).entrySet().forEach(entry -> flat.put(
                entry.getKey().replace("\"", ""), String.valueOf(entry.getValue().unwrapped())));
        return flat;
    }

    private <T> T get(String key, java.util.function.Function<String, T> getter) {
        String path = path(key);
        try {
            return getter.apply(path);
        } catch (ConfigException.Missing e) {
            throw new IllegalArgumentException("Missing setting: " + path, e);
        } catch (ConfigException.WrongType e) {
            throw new IllegalArgumentException("Invalid setting " + path + ": " + e.getMessage(),
                    e);
        }
    }

    private static String path(String key) {
        return key.startsWith("gridcast.") ? key : "gridcast." + key;
    }

    /** Renders every gridcast setting as {@code key = value} lines, for the run log. */
    public String describe() {
        StringBuilder lines = new StringBuilder();
        new java.util.TreeMap<>(config.getConfig("gridcast").entrySet().stream().collect(
                java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        entry -> String.valueOf(entry.getValue().unwrapped()))))
                .forEach((key, value) -> lines.append("  ").append(key).append(" = ")
                        .append(isSecret(key) ? "****" : value).append('\n'));
        return lines.toString();
    }

    /** Tells whether a key names a credential, whose value must never reach a log. */
    public static boolean isSecret(String key) {
        String lower = key.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("secret") || lower.contains("password")
                || lower.contains("access.key") || lower.contains("access-key")
                || lower.contains("session.token") || lower.contains("token")
                || lower.contains("hash-key");
    }
}
