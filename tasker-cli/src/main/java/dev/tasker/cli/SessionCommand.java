package dev.tasker.cli;

import dev.tasker.client.error.AccessDeniedException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that talks to the services: it runs inside a {@link Session}, closed when it ends. */
public abstract class SessionCommand implements Callable<Integer> {

    @Spec
    protected CommandSpec spec;

    private final SessionFactory sessions;

    protected SessionCommand(SessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public final Integer call() {
        try (Session session = sessions.open(spec)) {
            try {
                return run(session);
            } catch (AccessDeniedException denied) {
                throw new CredentialRejected(denied, session.credentialOf(denied.service()));
            }
        }
    }

    /** The command's work; returns its exit code. */
    protected abstract int run(Session session);
}
