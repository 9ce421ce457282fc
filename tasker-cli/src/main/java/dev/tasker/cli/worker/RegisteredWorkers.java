package dev.tasker.cli.worker;

import dev.tasker.api.worker.WorkerInfo;
import dev.tasker.cli.CliException;
import dev.tasker.cli.ExitCodes;
import java.net.URI;
import java.net.URISyntaxException;

/** A registered worker's own API address, as it registered it. */
final class RegisteredWorkers {

    private RegisteredWorkers() {
    }

    /** The worker's API URL as it registered it, null when it gave none that parses (for display only). */
    static URI apiUrlOrNull(WorkerInfo worker) {
        try {
            return worker.apiUrl() == null ? null : new URI(worker.apiUrl());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The worker's API URL, or a one-line reason why it cannot be asked. */
    static URI apiUrl(WorkerInfo worker) {
        if (worker.apiUrl() == null || worker.apiUrl().isBlank()) {
            throw new CliException(ExitCodes.UNAVAILABLE, "worker '" + worker.workerId()
                    + "' registered no API URL, so it cannot be asked directly (ask it with --worker-url instead)");
        }
        try {
            URI uri = new URI(worker.apiUrl());
            if (uri.getHost() == null || !uri.getScheme().startsWith("http")) {
                throw new URISyntaxException(worker.apiUrl(), "not an http(s) URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new CliException(ExitCodes.UNAVAILABLE, "worker '" + worker.workerId() + "' registered an API URL "
                    + "that cannot be used: " + worker.apiUrl() + " (ask it with --worker-url instead)");
        }
    }
}
