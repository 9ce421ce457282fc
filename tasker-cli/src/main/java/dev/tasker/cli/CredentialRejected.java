package dev.tasker.cli;

import dev.tasker.client.error.AccessDeniedException;

/** A 401 or 403, with which credential was sent (its source, never its value). */
public final class CredentialRejected extends RuntimeException {

    private final String credential;

    public CredentialRejected(AccessDeniedException denied, String credential) {
        super(denied.getMessage(), denied);
        this.credential = credential;
    }

    public AccessDeniedException denied() {
        return (AccessDeniedException) getCause();
    }

    /** E.g. "the token from env TASKER_AUTH_TOKEN". */
    public String credential() {
        return credential;
    }
}
