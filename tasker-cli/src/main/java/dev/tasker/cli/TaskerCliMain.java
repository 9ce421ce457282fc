package dev.tasker.cli;

import io.quarkus.picocli.runtime.PicocliRunner;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Set;

/**
 * The entry point. {@code --version} needs nothing Quarkus starts (CDI, configuration, Vert.x, the REST client),
 * so it is answered before Quarkus boots, from the version the build wrote into the jar's manifest; every other
 * command runs in picocli inside Quarkus.
 */
@QuarkusMain
public final class TaskerCliMain {

    private static final Set<String> VERSION_FLAGS = Set.of("--version", "-V");

    private TaskerCliMain() {
    }

    public static void main(String... args) {
        if (args.length == 1 && VERSION_FLAGS.contains(args[0])) {
            String version = TaskerCliMain.class.getPackage().getImplementationVersion();
            if (version != null) {
                System.out.println(VersionProvider.line(version));
                return;
            }
        }
        Quarkus.run(PicocliRunner.class, args);
    }
}
