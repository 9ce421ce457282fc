package dev.tasker.client.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.smallrye.config.common.MapBackedConfigSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The client config file ({@code ~/.tasker/config.toml}, {@code ./tasker-client.toml} or {@code --config}) as a
 * SmallRye ConfigSource. Its ordinal sits between application.properties (250) and the environment (300): the file
 * overrides built-in defaults, the environment and flags override the file. A selected profile's tables are a
 * second source just above the file's plain tables. Parsed by Jackson's TOML module; every key is checked, so a
 * typo is an error naming the file rather than a silently ignored setting.
 */
public final class TomlConfigSource extends MapBackedConfigSource {

    public static final int ORDINAL = 270;
    public static final int PROFILE_ORDINAL = 275;
    private static final String PROFILES = "profiles";

    private TomlConfigSource(String name, Map<String, String> properties, int ordinal) {
        super(name, properties, ordinal);
    }

    /** The file's plain tables and, when {@code profile} is not null, that profile's tables (which must exist). */
    public static List<TomlConfigSource> read(Path file, String profile) {
        JsonNode root = parse(file);
        List<TomlConfigSource> sources = new ArrayList<>();
        Map<String, String> plain = new HashMap<>();
        for (Map.Entry<String, JsonNode> table : root.properties()) {
            if (!table.getKey().equals(PROFILES)) {
                readTable(file, "", table.getKey(), table.getValue(), plain);
            }
        }
        sources.add(new TomlConfigSource("file " + file, plain, ORDINAL));
        if (profile != null) {
            sources.add(new TomlConfigSource("file " + file + " [profiles." + profile + "]",
                    readProfile(file, root.path(PROFILES), profile), PROFILE_ORDINAL));
        }
        return sources;
    }

    private static JsonNode parse(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("config file " + file + " does not exist or is not a file");
        }
        try {
            JsonNode root = new TomlMapper().readTree(file.toFile());
            return root == null ? new TomlMapper().createObjectNode() : root;
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new ConfigException("config file " + file + " is not valid TOML" + where + ": "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> readProfile(Path file, JsonNode profiles, String profile) {
        JsonNode tables = profiles.get(profile);
        if (tables == null || !tables.isObject()) {
            TreeSet<String> defined = new TreeSet<>();
            profiles.fieldNames().forEachRemaining(defined::add);
            throw ConfigException.beforeAnyValue("profile '" + profile + "' is not defined in " + file + " (defined: "
                    + (defined.isEmpty() ? "none" : String.join(", ", defined)) + "); add a [profiles." + profile
                    + ".orchestration] table or choose another --profile");
        }
        Map<String, String> properties = new HashMap<>();
        String prefix = PROFILES + "." + profile + ".";
        tables.properties().forEach(t -> readTable(file, prefix, t.getKey(), t.getValue(), properties));
        return properties;
    }

    private static void readTable(Path file, String prefix, String table, JsonNode values,
            Map<String, String> into) {
        if (!Setting.isTable(table) || !values.isObject()) {
            throw new ConfigException("config file " + file + ": unknown table [" + prefix + table
                    + "]; the file holds [orchestration], [worker], [cli] and [profiles.<name>.*]");
        }
        values.properties().forEach(entry -> {
            Setting setting = Setting.inFile(table, entry.getKey()).orElseThrow(() -> new ConfigException(
                    "config file " + file + ": unknown key '" + entry.getKey() + "' in [" + prefix + table + "]"));
            into.put(setting.property(), scalar(file, prefix, setting, entry.getValue()));
        });
    }

    private static String scalar(Path file, String prefix, Setting setting, JsonNode value) {
        boolean fits = switch (setting.kind()) {
            case MILLIS, COUNT -> value.isIntegralNumber();
            case BOOLEAN -> value.isBoolean();
            default -> value.isTextual();
        };
        if (!fits) {
            String expected = switch (setting.kind()) {
                case MILLIS, COUNT -> "a whole number";
                case BOOLEAN -> "true or false";
                default -> "a quoted string";
            };
            throw new ConfigException("config file " + file + ": " + prefix + setting.displayName() + " must be "
                    + expected + ", got " + value);
        }
        return value.asText();
    }
}
