package dev.tasker.client.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLayersTest {

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();
    /** Like the CLI's application.properties: the URL default follows the compose port when one is handed in. */
    private final Map<String, String> appProperties = new HashMap<>(Map.of(
            "tasker.orchestration.url", "http://localhost:${compose.orchestration-port:8080}"));

    private List<ConfigSource> base() {
        return List.of(new EnvConfigSource(env, 300), new PropertiesConfigSource(appProperties, "application.properties", 250));
    }

    private Path file(String toml) throws IOException {
        return Files.writeString(dir.resolve("config.toml"), toml);
    }

    @Test
    void defaultsApplyWhenNothingIsConfigured() {
        EffectiveConfig config = ConfigLayers.over(base()).load();

        ClientConfig client = config.client();
        assertThat(client.orchestration().endpoint().baseUrl()).isEqualTo(URI.create("http://localhost:8080"));
        assertThat(client.worker().endpoint().baseUrl()).isEqualTo(URI.create("http://localhost:8081"));
        assertThat(client.orchestration().endpoint().readTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(client.orchestration().endpoint().connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(client.orchestration().retry().maxRetries()).isEqualTo(3);
        assertThat(client.orchestration().endpoint().authToken()).isNull();
        assertThat(config.resolve(Setting.ORCHESTRATION_URL).source()).isEqualTo("default");
        assertThat(config.resolve(Setting.CLI_FORMAT).value()).isEqualTo("table");
        assertThat(config.file()).isEmpty();
    }

    @Test
    void theDefaultUrlFollowsTheComposePortHandedToTheTests() {
        appProperties.put("compose.orchestration-port", "32768");

        EffectiveConfig config = ConfigLayers.over(base()).load();

        assertThat(config.resolve(Setting.ORCHESTRATION_URL).value()).isEqualTo("http://localhost:32768");
    }

    @Test
    void eachLayerOverridesTheOneBelow() throws IOException {
        Path toml = file("""
                [orchestration]
                base_url = "http://from-file:1000"
                timeout_ms = 2000
                max_retries = 5

                [worker]
                base_url = "http://worker-from-file:2000"

                [cli]
                default_format = "yaml"
                """);
        // file over defaults
        EffectiveConfig fileOnly = ConfigLayers.over(base()).file(toml).load();
        assertThat(fileOnly.resolve(Setting.ORCHESTRATION_URL))
                .extracting(ResolvedSetting::value, ResolvedSetting::source)
                .containsExactly("http://from-file:1000", "file " + toml);
        assertThat(fileOnly.resolve(Setting.ORCHESTRATION_MAX_RETRIES).value()).isEqualTo("5");
        assertThat(fileOnly.resolve(Setting.CLI_FORMAT).value()).isEqualTo("yaml");

        // environment over file
        env.put("TASKER_ORCHESTRATION_URL", "http://from-env:3000");
        env.put("TASKER_ORCHESTRATION_TIMEOUT_MS", "4000");
        env.put("TASKER_CLI_FORMAT", "json");
        EffectiveConfig withEnv = ConfigLayers.over(base()).file(toml).load();
        assertThat(withEnv.resolve(Setting.ORCHESTRATION_URL))
                .extracting(ResolvedSetting::value, ResolvedSetting::source)
                .containsExactly("http://from-env:3000", "env TASKER_ORCHESTRATION_URL");
        assertThat(withEnv.client().orchestration().endpoint().readTimeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(withEnv.resolve(Setting.CLI_FORMAT).value()).isEqualTo("json");
        assertThat(withEnv.resolve(Setting.WORKER_URL).source()).isEqualTo("file " + toml);

        // flags over environment
        EffectiveConfig withFlags = ConfigLayers.over(base()).file(toml)
                .flag("--orchestration-url", Map.of(Setting.ORCHESTRATION_URL, "http://from-flag:4000"))
                .flag("--timeout", Map.of(Setting.ORCHESTRATION_TIMEOUT_MS, "500"))
                .load();
        assertThat(withFlags.resolve(Setting.ORCHESTRATION_URL))
                .extracting(ResolvedSetting::value, ResolvedSetting::source)
                .containsExactly("http://from-flag:4000", "flag --orchestration-url");
        assertThat(withFlags.client().orchestration().endpoint().readTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(withFlags.client().orchestration().endpoint().connectTimeout()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aProfileOverridesTheFilesTablesButNotTheEnvironment() throws IOException {
        Path toml = file("""
                [orchestration]
                base_url = "http://plain:1"
                timeout_ms = 1000

                [profiles.staging.orchestration]
                base_url = "http://staging:2"

                [profiles.staging.worker]
                base_url = "http://staging-worker:3"
                """);

        EffectiveConfig flagProfile = ConfigLayers.over(base()).file(toml)
                .flag("--profile", Map.of(Setting.PROFILE, "staging")).load();
        assertThat(flagProfile.resolve(Setting.ORCHESTRATION_URL))
                .extracting(ResolvedSetting::value, ResolvedSetting::source)
                .containsExactly("http://staging:2", "file " + toml + " [profiles.staging]");
        assertThat(flagProfile.resolve(Setting.ORCHESTRATION_TIMEOUT_MS).value()).isEqualTo("1000");
        assertThat(flagProfile.resolve(Setting.WORKER_URL).value()).isEqualTo("http://staging-worker:3");

        env.put("TASKER_PROFILE", "staging");
        env.put("TASKER_WORKER_URL", "http://env-worker:4");
        EffectiveConfig envProfile = ConfigLayers.over(base()).file(toml).load();
        assertThat(envProfile.resolve(Setting.ORCHESTRATION_URL).value()).isEqualTo("http://staging:2");
        assertThat(envProfile.resolve(Setting.WORKER_URL).value()).isEqualTo("http://env-worker:4");
        assertThat(envProfile.resolve(Setting.PROFILE).source()).isEqualTo("env TASKER_PROFILE");
    }

    @Test
    void anUnknownProfileIsAnErrorNamingTheDefinedOnes() throws IOException {
        Path toml = file("[profiles.dev.orchestration]\nbase_url = \"http://dev:1\"\n");

        assertThatThrownBy(() -> ConfigLayers.over(base()).file(toml)
                .flag("--profile", Map.of(Setting.PROFILE, "prod")).load())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("profile 'prod' is not defined in " + toml + " (defined: dev)");
    }

    @Test
    void aProfileWithoutAnyConfigFileIsAnError() {
        env.put("TASKER_PROFILE", "staging");

        assertThatThrownBy(() -> ConfigLayers.over(base()).discoverFileIn(List.of(dir.resolve("absent.toml"))).load())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("profile 'staging' is selected (env TASKER_PROFILE) but there is no config file");
    }

    @Test
    void theFirstExistingCandidateFileIsRead() throws IOException {
        Path second = file("[worker]\nbase_url = \"http://second:1\"\n");

        EffectiveConfig config = ConfigLayers.over(base())
                .discoverFileIn(List.of(dir.resolve("tasker-client.toml"), second)).load();

        assertThat(config.file()).contains(second);
        assertThat(config.resolve(Setting.WORKER_URL).value()).isEqualTo("http://second:1");
    }

    @Test
    void tokensComeFromTheHighestLayerAndAreMasked() throws IOException {
        Path toml = file("""
                [orchestration]
                auth_token = "file-orchestration-token-123"
                [worker]
                auth_token = "short"
                """);
        EffectiveConfig fileTokens = ConfigLayers.over(base()).file(toml).load();
        assertThat(fileTokens.client().orchestration().endpoint().authToken()).isEqualTo("file-orchestration-token-123");
        assertThat(fileTokens.all()).filteredOn(s -> s.setting() == Setting.ORCHESTRATION_AUTH_TOKEN).singleElement()
                .satisfies(s -> {
                    assertThat(s.shown()).isEqualTo("file****");
                    assertThat(s.source()).isEqualTo("file " + toml);
                });
        assertThat(fileTokens.all()).filteredOn(s -> s.setting() == Setting.WORKER_AUTH_TOKEN).singleElement()
                .extracting(ResolvedSetting::shown).isEqualTo("****");

        env.put("TASKER_AUTH_TOKEN", "environment-token-456");
        EffectiveConfig envToken = ConfigLayers.over(base()).file(toml).load();
        assertThat(envToken.client().orchestration().endpoint().authToken()).isEqualTo("environment-token-456");
        assertThat(envToken.client().worker().endpoint().authToken()).isEqualTo("environment-token-456");
        assertThat(envToken.authToken(Setting.WORKER_AUTH_TOKEN).source()).isEqualTo("env TASKER_AUTH_TOKEN");
        assertThat(envToken.all()).extracting(ResolvedSetting::shown).doesNotContain("environment-token-456");
    }

    @Test
    void badValuesAreNamedWithTheirSource() throws IOException {
        env.put("TASKER_WORKER_TIMEOUT_MS", "soon");
        assertThatThrownBy(() -> ConfigLayers.over(base()).load().client())
                .isInstanceOf(ConfigException.class)
                .hasMessage("worker.timeout_ms 'soon' (from env TASKER_WORKER_TIMEOUT_MS) must be a whole number "
                        + "from 1 to 3600000");

        env.clear();
        Path toml = file("[orchestration]\nbase_url = \"localhost:8080\"\n");
        assertThatThrownBy(() -> ConfigLayers.over(base()).file(toml).load().client())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("orchestration.base_url 'localhost:8080' (from file " + toml + ")")
                .hasMessageContaining("http://");
    }

    @Test
    void theFileIsCheckedKeyByKey() throws IOException {
        Path typo = file("[orchestration]\nbase_ulr = \"http://x:1\"\n");
        assertThatThrownBy(() -> ConfigLayers.over(base()).file(typo).load())
                .hasMessage("config file " + typo + ": unknown key 'base_ulr' in [orchestration]");

        Path wrongType = file("[worker]\ntimeout_ms = \"10s\"\n");
        assertThatThrownBy(() -> ConfigLayers.over(base()).file(wrongType).load())
                .hasMessage("config file " + wrongType + ": worker.timeout_ms must be a whole number, got \"10s\"");

        Path unknownTable = file("[server]\nport = 1\n");
        assertThatThrownBy(() -> ConfigLayers.over(base()).file(unknownTable).load())
                .hasMessageContaining("unknown table [server]");

        Path broken = file("[orchestration\nbase_url = 1\n");
        assertThatThrownBy(() -> ConfigLayers.over(base()).file(broken).load())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("config file " + broken + " is not valid TOML at line 1");

        assertThatThrownBy(() -> ConfigLayers.over(base()).file(dir.resolve("missing.toml")).load())
                .hasMessageContaining("does not exist");
    }
}
