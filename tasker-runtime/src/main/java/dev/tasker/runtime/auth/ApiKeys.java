package dev.tasker.runtime.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The configured API keys, checked once at startup: every problem is reported at once, naming the key (never a
 * token), and any problem stops the service rather than leave it running with fewer keys than intended.
 */
public final class ApiKeys {

    private final List<ApiKey> keys;

    private ApiKeys(List<ApiKey> keys) {
        this.keys = List.copyOf(keys);
    }

    public static ApiKeys none() {
        return new ApiKeys(List.of());
    }

    /** @throws InvalidAuthConfigException naming every key that is unusable */
    public static ApiKeys load(Map<String, ? extends AuthConfig.Key> config) {
        if (config.isEmpty()) {
            throw new InvalidAuthConfigException("tasker.auth.enabled is true but no key is configured: set "
                    + "tasker.auth.keys.<name>.token (or .token-file) and tasker.auth.keys.<name>.permissions");
        }
        List<String> problems = new ArrayList<>();
        List<ApiKey> keys = new ArrayList<>();
        for (Map.Entry<String, ? extends AuthConfig.Key> e : new TreeMap<>(config).entrySet()) {
            key(e.getKey(), e.getValue(), problems).ifPresent(keys::add);
        }
        for (int i = 0; i < keys.size(); i++) {
            for (int j = i + 1; j < keys.size(); j++) {
                if (keys.get(i).sameToken(keys.get(j))) {
                    problems.add("keys '" + keys.get(i).name() + "' and '" + keys.get(j).name()
                            + "' have the same token; each key needs its own");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidAuthConfigException("invalid tasker.auth configuration: " + String.join("; ", problems));
        }
        return new ApiKeys(keys);
    }

    private static Optional<ApiKey> key(String name, AuthConfig.Key key, List<String> problems) {
        int before = problems.size();
        Optional<String> token = token(name, key, problems);
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        List<String> names = key.permissions().orElse(List.of());
        if (names.stream().allMatch(String::isBlank)) {
            problems.add("key '" + name + "' has no permissions (tasker.auth.keys." + name + ".permissions)");
        }
        for (String p : names) {
            if (p.isBlank()) {
                continue;
            }
            Permission.parse(p).ifPresentOrElse(permissions::add, () -> problems.add("key '" + name
                    + "' has the unknown permission '" + p.trim() + "' (known: " + Permission.known() + ")"));
        }
        if (problems.size() > before || token.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ApiKey(name, digest(token.get()), permissions));
    }

    private static Optional<String> token(String name, AuthConfig.Key key, List<String> problems) {
        if (key.token().isPresent() && key.tokenFile().isPresent()) {
            problems.add("key '" + name + "' has both token and token-file; set exactly one");
            return Optional.empty();
        }
        if (key.tokenFile().isPresent()) {
            Path file = key.tokenFile().get();
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8).trim();
            } catch (IOException e) {
                problems.add("key '" + name + "': token-file " + file + " cannot be read ("
                        + e.getClass().getSimpleName() + ")");
                return Optional.empty();
            }
            if (text.isEmpty()) {
                problems.add("key '" + name + "': token-file " + file + " is empty");
                return Optional.empty();
            }
            return Optional.of(text);
        }
        if (key.token().isEmpty()) {
            problems.add("key '" + name + "' has neither token nor token-file; set exactly one");
            return Optional.empty();
        }
        String token = key.token().get().trim();
        if (token.isEmpty()) {
            problems.add("key '" + name + "' has an empty token");
            return Optional.empty();
        }
        return Optional.of(token);
    }

    /**
     * The key whose token this is. Every key is compared, in constant time, whether or not an earlier one
     * matched: neither the token's length nor which key matched shows in the time taken.
     */
    public Optional<ApiKey> match(String token) {
        byte[] presented = digest(token);
        ApiKey found = null;
        for (ApiKey key : keys) {
            if (key.hasDigest(presented)) {
                found = key;
            }
        }
        return Optional.ofNullable(found);
    }

    public List<ApiKey> all() {
        return keys;
    }

    static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
