package dev.tasker.client.health;

import dev.tasker.api.health.ProbeResponse;
import dev.tasker.client.Endpoint;
import dev.tasker.client.error.ApiErrors;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Asks a service's {@code /health/ready} and turns every outcome, including no answer at all, into a verdict. Not
 * retried: a health check reports the state of the moment.
 */
public final class HealthProbe {

    private HealthProbe() {
    }

    public static ServiceHealth probe(Endpoint endpoint, Supplier<ProbeResponse> ready) {
        long start = System.nanoTime();
        try {
            return verdict(endpoint, ready.get(), start);
        } catch (WebApplicationException e) {
            ProbeResponse probe = readProbe(e);
            if (probe != null) {
                return verdict(endpoint, probe, start);
            }
            return result(endpoint, false, true, "answered HTTP " + e.getResponse().getStatus(), start);
        } catch (ProcessingException e) {
            return result(endpoint, false, false,
                    "not reachable: " + ApiErrors.unreachable(e, endpoint.baseUrl()).reason(), start);
        }
    }

    /** A verdict without asking: the service could not even be addressed (e.g. a worker without an API URL). */
    public static ServiceHealth unreachable(String service, URI url, String why) {
        return new ServiceHealth(service, url, false, false, why, Duration.ZERO);
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

    private static ServiceHealth result(Endpoint endpoint, boolean healthy, boolean reachable, String detail,
            long start) {
        return new ServiceHealth(endpoint.service(), endpoint.baseUrl(), healthy, reachable, detail,
                Duration.ofNanos(System.nanoTime() - start));
    }
}
