package dev.tasker.runtime.auth;

import dev.tasker.api.error.ErrorCode;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Who may call what: a request needs a known bearer token (else 401), and its key needs the permission the
 * resource method declares with {@link RequiresPermission} (else 403). Methods marked {@link OpenAccess} need
 * nothing; methods declaring neither are refused to every key.
 */
public final class AccessPolicy {

    /** The challenge sent with every 401 (RFC 6750). */
    public static final String CHALLENGE = "Bearer realm=\"tasker\"";

    private final boolean enabled;
    private final ApiKeys keys;

    private AccessPolicy(boolean enabled, ApiKeys keys) {
        this.enabled = enabled;
        this.keys = keys;
    }

    /** Authentication off: every request passes. */
    public static AccessPolicy off() {
        return new AccessPolicy(false, ApiKeys.none());
    }

    public static AccessPolicy of(ApiKeys keys) {
        return new AccessPolicy(true, keys);
    }

    public boolean enabled() {
        return enabled;
    }

    public record Denial(ErrorCode code, String message) {
    }

    /**
     * @param authorization the Authorization header, or null
     * @param method the matched resource method, or null when none matched
     * @param resourceClass the matched resource class (a method's declaring class may be a superclass)
     * @return empty when the request may go on
     */
    public Optional<Denial> check(String authorization, Method method, Class<?> resourceClass) {
        if (!enabled || (method != null && method.isAnnotationPresent(OpenAccess.class))) {
            return Optional.empty();
        }
        if (authorization == null || authorization.isBlank()) {
            return deny(ErrorCode.UNAUTHORIZED, "authentication required: send the header "
                    + "'Authorization: Bearer <token>'");
        }
        Optional<String> token = bearerToken(authorization);
        if (token.isEmpty()) {
            return deny(ErrorCode.UNAUTHORIZED, "the Authorization header must be 'Bearer <token>'");
        }
        Optional<ApiKey> key = keys.match(token.get());
        if (key.isEmpty()) {
            return deny(ErrorCode.UNAUTHORIZED, "the bearer token is not a valid API key");
        }
        if (method == null) {
            return Optional.empty(); // nothing matched: the request ends in a 404 or 405 anyway
        }
        Optional<Permission> needed = required(method, resourceClass);
        if (needed.isEmpty()) {
            return deny(ErrorCode.FORBIDDEN, "this endpoint declares no permission, so it is refused while "
                    + "authentication is on");
        }
        if (!key.get().allows(needed.get())) {
            return deny(ErrorCode.FORBIDDEN, "key '" + key.get().name() + "' lacks permission " + needed.get());
        }
        return Optional.empty();
    }

    /** The method's declared permission, else its class's. */
    public static Optional<Permission> required(Method method, Class<?> resourceClass) {
        RequiresPermission onMethod = method.getAnnotation(RequiresPermission.class);
        if (onMethod != null) {
            return Optional.of(onMethod.value());
        }
        Class<?> type = resourceClass != null ? resourceClass : method.getDeclaringClass();
        RequiresPermission onClass = type.getAnnotation(RequiresPermission.class);
        return Optional.ofNullable(onClass).map(RequiresPermission::value);
    }

    /** The token of {@code Bearer <token>} (scheme in any case, RFC 7235); empty for anything else. */
    static Optional<String> bearerToken(String authorization) {
        String value = authorization.trim();
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).equalsIgnoreCase("Bearer")) {
            return Optional.empty();
        }
        String token = value.substring(space + 1).trim();
        if (token.isEmpty() || token.chars().anyMatch(Character::isWhitespace)) {
            return Optional.empty();
        }
        return Optional.of(token);
    }

    private static Optional<Denial> deny(ErrorCode code, String message) {
        return Optional.of(new Denial(code, message));
    }
}
