package dev.tasker.runtime.auth;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A key as the configuration would hand it over. */
record TestKey(Optional<String> token, Optional<Path> tokenFile, Optional<List<String>> permissions)
        implements AuthConfig.Key {

    static TestKey token(String token, String... permissions) {
        return new TestKey(Optional.of(token), Optional.empty(), Optional.of(Arrays.asList(permissions)));
    }

    static TestKey file(Path file, String... permissions) {
        return new TestKey(Optional.empty(), Optional.of(file), Optional.of(Arrays.asList(permissions)));
    }
}
