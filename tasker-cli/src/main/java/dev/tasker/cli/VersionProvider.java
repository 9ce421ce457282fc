package dev.tasker.cli;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import picocli.CommandLine.IVersionProvider;

@Singleton
public class VersionProvider implements IVersionProvider {

    private final String version;

    public VersionProvider(@ConfigProperty(name = "quarkus.application.version") String version) {
        this.version = version;
    }

    public String version() {
        return version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {line(version)};
    }

    /** What --version prints, also before Quarkus starts ({@link TaskerCliMain}). */
    static String line(String version) {
        return "tasker-cli " + version;
    }
}
