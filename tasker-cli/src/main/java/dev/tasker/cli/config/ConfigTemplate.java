package dev.tasker.cli.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The commented config file {@code config init} writes (a resource next to this class). */
final class ConfigTemplate {

    private ConfigTemplate() {
    }

    static String text() {
        try (InputStream in = ConfigTemplate.class.getResourceAsStream("config-template.toml")) {
            if (in == null) {
                throw new IllegalStateException("config-template.toml is missing from the tasker-cli build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
