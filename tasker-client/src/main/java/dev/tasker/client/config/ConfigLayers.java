package dev.tasker.client.config;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Stacks the client's configuration layers into one SmallRye Config: command-line flags (ordinal 500) over the
 * base sources (system properties 400, environment 300, application.properties 250 in a Quarkus application) with
 * the TOML file (270, its profile 275) slotted in between. The file and the profile are only known after the
 * command line is parsed, which is why this config is built per invocation rather than by Quarkus at start.
 */
public final class ConfigLayers {

    public static final int FLAG_ORDINAL = 500;

    private final List<ConfigSource> base;
    private final List<ConfigSource> flags = new ArrayList<>();
    private final List<Path> candidates = new ArrayList<>();
    private Path explicitFile;

    private ConfigLayers(List<ConfigSource> base) {
        this.base = base;
    }

    /** Layers over these sources, e.g. a Quarkus application's own {@code SmallRyeConfig#getConfigSources()}. */
    public static ConfigLayers over(Iterable<ConfigSource> base) {
        List<ConfigSource> sources = new ArrayList<>();
        base.forEach(sources::add);
        return new ConfigLayers(sources);
    }

    /** Values given by one command-line flag; {@code config show} names the flag as their source. */
    public ConfigLayers flag(String flag, Map<Setting, String> values) {
        if (!values.isEmpty()) {
            Map<String, String> properties = new LinkedHashMap<>();
            values.forEach((setting, value) -> properties.put(setting.property(), value));
            flags.add(new FlagSource(flag, properties));
        }
        return this;
    }

    /** The config file the user named; it must exist. */
    public ConfigLayers file(Path file) {
        this.explicitFile = file;
        return this;
    }

    /** Where to look for a config file when none is named; the first that exists is read. */
    public ConfigLayers discoverFileIn(List<Path> paths) {
        candidates.addAll(paths);
        return this;
    }

    public EffectiveConfig load() {
        SmallRyeConfig withoutFile = build(List.of());
        ResolvedSetting profile = new EffectiveConfig(withoutFile, null).resolve(Setting.PROFILE);
        Path file = explicitFile != null ? explicitFile
                : candidates.stream().filter(Files::isRegularFile).findFirst().orElse(null);
        if (file == null && profile.isSet()) {
            throw ConfigException.beforeAnyValue("profile '" + profile.value() + "' is selected (" + profile.source()
                    + ") but there is no config file to hold it (looked for "
                    + candidates.stream().map(Path::toString).collect(Collectors.joining(", "))
                    + "); name one with --config or create one with 'tasker-cli config init'");
        }
        if (file == null) {
            return new EffectiveConfig(withoutFile, null);
        }
        List<ConfigSource> fileSources = List.copyOf(TomlConfigSource.read(file, profile.value()));
        return new EffectiveConfig(build(fileSources), file);
    }

    private SmallRyeConfig build(List<ConfigSource> fileSources) {
        return new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withSources(base)
                .withSources(fileSources)
                .withSources(flags)
                .build();
    }

    /** The values of one flag, named after it ("flag --timeout") so {@code config show} can say so. */
    private static final class FlagSource extends MapBackedConfigSource {

        FlagSource(String flag, Map<String, String> properties) {
            super("flag " + flag, properties, FLAG_ORDINAL);
        }
    }
}
