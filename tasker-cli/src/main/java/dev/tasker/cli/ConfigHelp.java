package dev.tasker.cli;

/** The configuration summary shown at the end of {@code --help}. */
final class ConfigHelp {

    static final String TEXT = """
            Configuration: flags > environment (TASKER_ORCHESTRATION_URL, TASKER_WORKER_URL, \
            TASKER_ORCHESTRATION_TIMEOUT_MS, TASKER_WORKER_TIMEOUT_MS, TASKER_AUTH_TOKEN, TASKER_CLI_FORMAT, \
            TASKER_PROFILE) > config file (--config, else ./tasker-client.toml, else ~/.tasker/config.toml) > \
            defaults. 'tasker-cli config show' prints each value and its source; 'tasker-cli config init' writes a \
            commented config file.""";

    private ConfigHelp() {
    }
}
