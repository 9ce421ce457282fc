package dev.tasker.testing;

/**
 * The API keys compose-devservices.yml gives the stack's services (auth is on in that test profile). Test values,
 * public in the compose file; a real deployment passes its own through the environment or a mounted file.
 */
public final class ItTokens {

    /** Key "admin": every permission. What the harness and the suite use. */
    public static final String ADMIN = "tasker-it-admin-token";
    /** Key "reader": tasks:read, workers:read, system:read. */
    public static final String READER = "tasker-it-reader-token";

    private ItTokens() {
    }
}
