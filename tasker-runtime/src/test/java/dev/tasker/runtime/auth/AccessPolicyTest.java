package dev.tasker.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasker.api.error.ErrorCode;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    static final String ADMIN = "Bearer admin-secret-token-0001";
    static final String READER = "Bearer reader-secret-token-0002";

    final AccessPolicy policy = AccessPolicy.of(ApiKeys.load(Map.of(
            "admin", TestKey.token("admin-secret-token-0001", "*"),
            "reader", TestKey.token("reader-secret-token-0002", "tasks:read", "workers:read", "system:read"))));

    @RequiresPermission(Permission.TASKS_READ)
    static class Tasks {
        public void list() {
        }

        @RequiresPermission(Permission.TASKS_WRITE)
        public void create() {
        }
    }

    static class Probes {
        @OpenAccess
        public void ready() {
        }

        @RequiresPermission(Permission.SYSTEM_READ)
        public void detailed() {
        }

        public void forgotten() {
        }
    }

    static Method method(Class<?> type, String name) {
        try {
            return type.getMethod(name);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(e);
        }
    }

    Optional<AccessPolicy.Denial> check(String authorization, Class<?> type, String method) {
        return policy.check(authorization, method(type, method), type);
    }

    static AccessPolicy.Denial denial(ErrorCode code, String message) {
        return new AccessPolicy.Denial(code, message);
    }

    @Test
    void aKeyWithThePermissionPasses() {
        assertThat(check(READER, Tasks.class, "list")).isEmpty();
        assertThat(check(ADMIN, Tasks.class, "create")).isEmpty();
        assertThat(check(READER, Probes.class, "detailed")).isEmpty();
    }

    @Test
    void aKeyWithoutThePermissionIsForbiddenNamingKeyAndPermission() {
        assertThat(check(READER, Tasks.class, "create"))
                .contains(denial(ErrorCode.FORBIDDEN, "key 'reader' lacks permission tasks:write"));
    }

    @Test
    void theMethodsPermissionWinsOverTheClasss() {
        assertThat(AccessPolicy.required(method(Tasks.class, "create"), Tasks.class)).contains(Permission.TASKS_WRITE);
        assertThat(AccessPolicy.required(method(Tasks.class, "list"), Tasks.class)).contains(Permission.TASKS_READ);
    }

    @Test
    void noOrBlankHeaderIsUnauthorized() {
        var expected = denial(ErrorCode.UNAUTHORIZED,
                "authentication required: send the header 'Authorization: Bearer <token>'");
        assertThat(check(null, Tasks.class, "list")).contains(expected);
        assertThat(check("  ", Tasks.class, "list")).contains(expected);
    }

    @Test
    void aHeaderThatIsNotABearerTokenIsUnauthorized() {
        var expected = denial(ErrorCode.UNAUTHORIZED, "the Authorization header must be 'Bearer <token>'");
        assertThat(check("Basic YWRtaW46YWRtaW4=", Tasks.class, "list")).contains(expected);
        assertThat(check("Bearer", Tasks.class, "list")).contains(expected);
        assertThat(check("Bearer   ", Tasks.class, "list")).contains(expected);
        assertThat(check("admin-secret-token-0001", Tasks.class, "list")).contains(expected);
        assertThat(check("Bearer admin-secret-token-0001 extra", Tasks.class, "list")).contains(expected);
    }

    @Test
    void anUnknownTokenIsUnauthorizedWithoutEchoingIt() {
        assertThat(check("Bearer guessed-token", Tasks.class, "list"))
                .contains(denial(ErrorCode.UNAUTHORIZED, "the bearer token is not a valid API key"));
    }

    @Test
    void theSchemeIsCaseInsensitive() {
        assertThat(check("bearer reader-secret-token-0002", Tasks.class, "list")).isEmpty();
        assertThat(check("BEARER  reader-secret-token-0002 ", Tasks.class, "list")).isEmpty();
    }

    @Test
    void openMethodsNeedNoCredentials() {
        assertThat(check(null, Probes.class, "ready")).isEmpty();
        assertThat(check("Bearer guessed-token", Probes.class, "ready")).isEmpty();
    }

    @Test
    void detailedHealthNeedsAKey() {
        assertThat(check(null, Probes.class, "detailed")).map(AccessPolicy.Denial::code).contains(ErrorCode.UNAUTHORIZED);
    }

    @Test
    void aMethodDeclaringNoPermissionIsRefusedEvenToAnAllPowerfulKey() {
        var expected = denial(ErrorCode.FORBIDDEN,
                "this endpoint declares no permission, so it is refused while authentication is on");
        assertThat(check(ADMIN, Probes.class, "forgotten")).contains(expected);
        assertThat(check(null, Probes.class, "forgotten")).map(AccessPolicy.Denial::code)
                .contains(ErrorCode.UNAUTHORIZED);
    }

    @Test
    void withAuthenticationOffEverythingPasses() {
        AccessPolicy off = AccessPolicy.off();
        assertThat(off.enabled()).isFalse();
        assertThat(off.check(null, method(Tasks.class, "create"), Tasks.class)).isEmpty();
        assertThat(off.check(null, method(Probes.class, "forgotten"), Probes.class)).isEmpty();
    }
}
