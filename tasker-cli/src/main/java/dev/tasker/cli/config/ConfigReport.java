package dev.tasker.cli.config;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.tasker.client.config.ResolvedSetting;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** What {@code config show} prints: the config file read (null: none) and every setting with its source. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@RegisterForReflection
public record ConfigReport(String configFile, List<ResolvedSetting> settings) {
}
