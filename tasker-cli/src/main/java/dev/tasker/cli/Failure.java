package dev.tasker.cli;

import dev.tasker.client.config.ConfigException;
import dev.tasker.client.error.AccessDeniedException;
import dev.tasker.client.error.ConflictException;
import dev.tasker.client.error.InvalidRequestException;
import dev.tasker.client.error.NotFoundException;
import dev.tasker.client.error.TaskTimeoutException;
import dev.tasker.client.error.TaskerApiException;
import dev.tasker.client.error.UnavailableException;
import java.util.Locale;

/** A failure as the user sees it: one line for stderr (what failed, then what to try) and the exit code. */
public record Failure(int exitCode, String line) {

    public static Failure of(Throwable e) {
        if (e instanceof CredentialRejected rejected) {
            TaskerApiException denied = rejected.denied();
            String hint = denied.httpStatus() == 403 ? "use a token with that permission" : "set a valid token";
            return new Failure(ExitCodes.AUTH, "error: " + denied.getMessage() + answer(denied) + "; sent "
                    + rejected.credential() + " (" + hint + ": --token, TASKER_AUTH_TOKEN or auth_token in the "
                    + "config file)");
        }
        if (e instanceof TaskerApiException api) {
            return ofApi(api);
        }
        if (e instanceof CliException cli) {
            return new Failure(cli.exitCode(), "error: " + cli.getMessage());
        }
        if (e instanceof ConfigException config) {
            String hint = config.shownByConfigShow()
                    ? " (run 'tasker-cli config show' to see every value and its source)" : "";
            return new Failure(ExitCodes.USAGE, "error: " + config.getMessage() + hint);
        }
        if (e instanceof IllegalArgumentException) {
            return new Failure(ExitCodes.USAGE, "error: " + e.getMessage());
        }
        return new Failure(ExitCodes.FAILED, "error: unexpected " + e.getClass().getSimpleName() + ": "
                + e.getMessage() + " (run again with -v, and report it if it persists)");
    }

    /** " [CODE, HTTP 409 from orchestration]", or nothing when no answer came. */
    public static String answer(TaskerApiException e) {
        return e.httpStatus() == TaskerApiException.NO_RESPONSE ? ""
                : " [" + e.code() + ", HTTP " + e.httpStatus() + " from " + e.service() + "]";
    }

    private static Failure ofApi(TaskerApiException e) {
        String what = "error: " + e.getMessage() + answer(e);
        if (e instanceof NotFoundException) {
            return new Failure(ExitCodes.NOT_FOUND, what + " (check the id or name; 'tasker-cli task list' shows "
                    + "recent tasks, 'tasker-cli worker list' the workers)");
        }
        if (e instanceof ConflictException) {
            return new Failure(ExitCodes.USAGE, what
                    + " (the request does not fit the current state: look at it with 'tasker-cli task get')");
        }
        if (e instanceof InvalidRequestException) {
            return new Failure(ExitCodes.USAGE, what + " (fix the request as the message says; --help lists the "
                    + "options)");
        }
        if (e instanceof AccessDeniedException) {
            return new Failure(ExitCodes.AUTH, what + " (set a valid token: auth_token in the config file or "
                    + "TASKER_AUTH_TOKEN)");
        }
        if (e instanceof TaskTimeoutException t) {
            return new Failure(ExitCodes.UNAVAILABLE, what + " (wait longer with --timeout, or look at it with "
                    + "'tasker-cli task get " + t.lastSeen().taskUuid() + "')");
        }
        if (e instanceof UnavailableException u) {
            return new Failure(ExitCodes.UNAVAILABLE, what + " (" + unavailableHint(u) + ")");
        }
        return new Failure(ExitCodes.FAILED, what + " (the " + e.service() + " log has the details)");
    }

    private static String unavailableHint(UnavailableException e) {
        if ("TIMEOUT".equals(e.code())) {
            return "allow more time with --timeout, or check the " + e.service() + "'s load";
        }
        if (e.httpStatus() != TaskerApiException.NO_RESPONSE) {
            return "the " + e.service() + " is up but not ready; try again shortly, or check "
                    + "'tasker-cli system health'";
        }
        return "check --" + e.service() + "-url or TASKER_" + e.service().toUpperCase(Locale.ROOT)
                + "_URL, and that the service is running";
    }
}
