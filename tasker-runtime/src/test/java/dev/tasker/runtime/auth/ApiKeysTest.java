package dev.tasker.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeysTest {

    static final String ADMIN_TOKEN = "admin-secret-token-0001";
    static final String READER_TOKEN = "reader-secret-token-0002";

    @TempDir
    Path dir;

    ApiKeys twoKeys() {
        return ApiKeys.load(Map.of(
                "admin", TestKey.token(ADMIN_TOKEN, "*"),
                "reader", TestKey.token(READER_TOKEN, "tasks:read", "workers:read", "system:read")));
    }

    @Test
    void matchesEachTokenToItsKey() {
        ApiKeys keys = twoKeys();
        assertThat(keys.match(ADMIN_TOKEN)).map(ApiKey::name).contains("admin");
        assertThat(keys.match(READER_TOKEN)).map(ApiKey::name).contains("reader");
        assertThat(keys.match(READER_TOKEN).orElseThrow().permissions())
                .containsExactlyInAnyOrder(Permission.TASKS_READ, Permission.WORKERS_READ, Permission.SYSTEM_READ);
    }

    @Test
    void matchesNoKeyForAnyOtherToken() {
        ApiKeys keys = twoKeys();
        assertThat(keys.match("")).isEmpty();
        assertThat(keys.match(ADMIN_TOKEN + "x")).isEmpty();
        assertThat(keys.match(ADMIN_TOKEN.substring(1))).isEmpty();
        assertThat(keys.match(ADMIN_TOKEN.toUpperCase())).isEmpty();
        assertThat(keys.match("x".repeat(10_000))).isEmpty();
    }

    @Test
    void keepsOnlyDigestsOfTokens() {
        ApiKey admin = twoKeys().match(ADMIN_TOKEN).orElseThrow();
        assertThat(admin.toString()).isEqualTo("ApiKey[admin, [*]]");
        assertThat(admin.hasDigest(ApiKeys.digest(ADMIN_TOKEN))).isTrue();
        assertThat(ApiKeys.digest(ADMIN_TOKEN)).hasSize(32);
    }

    @Test
    void readsATokenFileAndTrimsIt() throws IOException {
        Path file = dir.resolve("token");
        Files.writeString(file, "  " + ADMIN_TOKEN + "\n");
        ApiKeys keys = ApiKeys.load(Map.of("ops", TestKey.file(file, "system:read")));
        assertThat(keys.match(ADMIN_TOKEN)).map(ApiKey::name).contains("ops");
    }

    @Test
    void aKeyWithNeitherTokenNorFileStopsStartupNamingIt() {
        var key = new TestKey(Optional.empty(), Optional.empty(), Optional.of(List.of("tasks:read")));
        assertThatThrownBy(() -> ApiKeys.load(Map.of("ci", key)))
                .isInstanceOf(InvalidAuthConfigException.class)
                .hasMessage("invalid tasker.auth configuration: key 'ci' has neither token nor token-file; set "
                        + "exactly one");
    }

    @Test
    void aKeyWithBothTokenAndFileStopsStartup() {
        var key = new TestKey(Optional.of(ADMIN_TOKEN), Optional.of(dir.resolve("t")), Optional.of(List.of("*")));
        assertThatThrownBy(() -> ApiKeys.load(Map.of("ci", key)))
                .hasMessage("invalid tasker.auth configuration: key 'ci' has both token and token-file; set "
                        + "exactly one");
    }

    @Test
    void anEmptyTokenStopsStartup() {
        assertThatThrownBy(() -> ApiKeys.load(Map.of("ci", TestKey.token("   ", "*"))))
                .hasMessage("invalid tasker.auth configuration: key 'ci' has an empty token");
    }

    @Test
    void aMissingOrEmptyTokenFileStopsStartupNamingTheFile() throws IOException {
        Path missing = dir.resolve("missing");
        assertThatThrownBy(() -> ApiKeys.load(Map.of("ci", TestKey.file(missing, "*"))))
                .hasMessage("invalid tasker.auth configuration: key 'ci': token-file " + missing
                        + " cannot be read (NoSuchFileException)");
        Path empty = Files.writeString(dir.resolve("empty"), " \n");
        assertThatThrownBy(() -> ApiKeys.load(Map.of("ci", TestKey.file(empty, "*"))))
                .hasMessage("invalid tasker.auth configuration: key 'ci': token-file " + empty + " is empty");
    }

    @Test
    void anUnknownPermissionStopsStartupWithoutShowingTheToken() {
        assertThatThrownBy(() -> ApiKeys.load(Map.of("ci", TestKey.token(ADMIN_TOKEN, "tasks:read", "tasks:delete"))))
                .hasMessage("invalid tasker.auth configuration: key 'ci' has the unknown permission 'tasks:delete' "
                        + "(known: tasks:read, tasks:write, templates:write, workers:read, workers:write, "
                        + "system:read, *)")
                .message().doesNotContain(ADMIN_TOKEN);
    }

    @Test
    void aKeyWithoutPermissionsStopsStartup() {
        var key = new TestKey(Optional.of(ADMIN_TOKEN), Optional.empty(), Optional.empty());
        assertThatThrownBy(() -> ApiKeys.load(Map.of("ci", key)))
                .hasMessage("invalid tasker.auth configuration: key 'ci' has no permissions "
                        + "(tasker.auth.keys.ci.permissions)");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> ApiKeys.load(Map.of(
                "a", TestKey.token("", "*"),
                "b", TestKey.token(READER_TOKEN, "root"),
                "c", TestKey.token(ADMIN_TOKEN, "*"))))
                .hasMessage("invalid tasker.auth configuration: key 'a' has an empty token; key 'b' has the unknown "
                        + "permission 'root' (known: " + Permission.known() + ")")
                .message().doesNotContain(READER_TOKEN).doesNotContain(ADMIN_TOKEN);
    }

    @Test
    void twoKeysWithOneTokenStopStartup() {
        assertThatThrownBy(() -> ApiKeys.load(Map.of(
                "one", TestKey.token(ADMIN_TOKEN, "*"),
                "two", TestKey.token(ADMIN_TOKEN, "tasks:read"))))
                .hasMessage("invalid tasker.auth configuration: keys 'one' and 'two' have the same token; each key "
                        + "needs its own");
    }

    @Test
    void enabledWithoutKeysStopsStartup() {
        assertThatThrownBy(() -> ApiKeys.load(Map.of()))
                .isInstanceOf(InvalidAuthConfigException.class)
                .hasMessageStartingWith("tasker.auth.enabled is true but no key is configured");
    }
}
