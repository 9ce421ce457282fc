package dev.tasker.client.health;

import dev.tasker.api.health.ProbeResponse;
import dev.tasker.client.Endpoint;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/** Asks a service's {@code /health/ready} and turns every outcome, including no answer at all, into a verdict. */
public final class HealthProbe {

    private HealthProbe() {
    }

    public static <T> ServiceHealth probe(Endpoint endpoint, Class<T> api, Function<T, ProbeResponse> ready) {
        long start = System.nanoTime();
        try {
            ProbeResponse probe = ready.apply(endpoint.client(api));
            return verdict(endpoint, probe, start);
        } catch (WebApplicationException e) {
            ProbeResponse probe = readProbe(e);
            if (probe != null) {
                return verdict(endpoint, probe, start);
            }
            return result(endpoint, false, true, "answered HTTP " + e.getResponse().getStatus(), start);
        } catch (ProcessingException e) {
            return result(endpoint, false, false, "not reachable: " + describe(e, endpoint), start);
        }
    }

    private static ServiceHealth verdict(Endpoint endpoint, ProbeResponse probe, long start) {
        return probe.isUp()
                ? result(endpoint, true, true, "ready", start)
                : result(endpoint, false, true, "not ready: " + probe.failingChecks(), start);
    }

    private static ProbeResponse readProbe(WebApplicationException e) {
        try {
            return e.getResponse().readEntity(ProbeResponse.class);
        } catch (RuntimeException notAProbe) {
            return null;
        }
    }

    private static String describe(Throwable e, Endpoint endpoint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host " + endpoint.baseUrl().getHost();
            }
            if (t instanceof TimeoutException || t instanceof HttpTimeoutException
                    || t.getClass().getSimpleName().contains("Timeout")) {
                return "no answer within " + endpoint.readTimeout().toMillis() + " ms";
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static ServiceHealth result(Endpoint endpoint, boolean healthy, boolean reachable, String detail,
            long start) {
        return new ServiceHealth(endpoint.service(), endpoint.baseUrl(), healthy, reachable, detail,
                Duration.ofNanos(System.nanoTime() - start));
    }
}
