package dev.tasker.cli;

import io.quarkus.picocli.runtime.PicocliRunner;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Set;

/**
 * The entry point. The packaged CLI runs its commands without booting Quarkus ({@link DirectRun}), since booting
 * it (CDI, configuration, Vert.x) took most of a command's time; {@code --version} is answered from the version
 * the build wrote into the jar's manifest. In tests and dev mode, and with TASKER_CLI_QUARKUS=on, commands run in
 * picocli inside Quarkus ({@code Quarkus.run(PicocliRunner.class, args)}).
 */
@QuarkusMain
public final class TaskerCliMain {

    private static final Set<String> VERSION_FLAGS = Set.of("--version", "-V");

    private TaskerCliMain() {
    }

    public static void main(String... args) {
        String version = TaskerCliMain.class.getPackage().getImplementationVersion();
        if (version != null && args.length == 1 && VERSION_FLAGS.contains(args[0])) {
            System.out.println(VersionProvider.line(version));
            return;
        }
        if (version != null && packaged() && !"on".equals(System.getenv("TASKER_CLI_QUARKUS"))) {
            System.exit(DirectRun.run(version, args));
        }
        Quarkus.run(PicocliRunner.class, args);
    }

    /**
     * Whether this is the packaged CLI: on the JVM's class path, as the launcher runs it (scripts/tasker-cli), or
     * through quarkus-run.jar (Quarkus' runner class loader). Tests and dev mode run the main class in Quarkus' own
     * class loader and expect the commands to run in Quarkus, which they do there.
     */
    private static boolean packaged() {
        ClassLoader loader = TaskerCliMain.class.getClassLoader();
        return loader == ClassLoader.getSystemClassLoader()
                || loader.getClass().getName().equals("io.quarkus.bootstrap.runner.RunnerClassLoader");
    }
}
