package dev.tasker.runtime.auth;

import java.security.MessageDigest;
import java.util.Set;

/** A configured key: its name, the SHA-256 digest of its token (the token itself is not kept) and permissions. */
public final class ApiKey {

    private final String name;
    private final byte[] tokenDigest;
    private final Set<Permission> permissions;

    ApiKey(String name, byte[] tokenDigest, Set<Permission> permissions) {
        this.name = name;
        this.tokenDigest = tokenDigest.clone();
        this.permissions = Set.copyOf(permissions);
    }

    public String name() {
        return name;
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public boolean allows(Permission needed) {
        return permissions.stream().anyMatch(p -> p.grants(needed));
    }

    /** Constant time in the token: both sides are digests of the same length, compared in full. */
    boolean hasDigest(byte[] presentedDigest) {
        return MessageDigest.isEqual(tokenDigest, presentedDigest);
    }

    boolean sameToken(ApiKey other) {
        return MessageDigest.isEqual(tokenDigest, other.tokenDigest);
    }

    @Override
    public String toString() {
        return "ApiKey[" + name + ", " + permissions + "]";
    }
}
