package dev.tasker.cli.output;

import dev.tasker.client.config.ResolvedSetting;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a command prints on stdout: a human table, one JSON or YAML document for scripts, or JSON Lines (a list's
 * items, one compact object per line; anything else as one line).
 */
public enum OutputFormat {
    TABLE, JSON, YAML, JSONL;

    /** The format a config value names, e.g. TASKER_CLI_FORMAT=json. */
    public static OutputFormat of(ResolvedSetting setting) {
        String value = setting.value().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.name().equals(value)).findFirst()
                .orElseThrow(() -> setting.invalid("must be one of " + Arrays.stream(values())
                        .map(OutputFormat::wire).collect(Collectors.joining(", "))));
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
