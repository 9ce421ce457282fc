package dev.tasker.client.health;

import dev.tasker.api.health.ProbeResponse;
import dev.tasker.client.Endpoint;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tasker.client.error.ApiErrors;
import dev.tasker.client.error.TaskerApiException;
import dev.tasker.client.json.JsonMappers;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Asks a service's {@code /health/ready} and turns every outcome, including no answer at all, into a verdict. Not
 * retried: a health check reports the state of the moment.
 */
public final class HealthProbe {

    private static final ObjectMapper JSON = JsonMappers.json();

    private HealthProbe() {
    }

    public static ServiceHealth probe(Endpoint endpoint, Supplier<ProbeResponse> ready) {
        long start = System.nanoTime();
        try {
            return verdict(endpoint, ready.get(), start);
        } catch (TaskerApiException e) {
            // The error status of a service that is not ready, typed by the client's ErrorStatusMapper: its body
            // is the probe naming the failing checks.
            ProbeResponse probe = readProbe(e.body());
            if (probe != null) {
                return verdict(endpoint, probe, start);
            }
            return result(endpoint, false, true, "answered HTTP " + e.httpStatus(), start);
        } catch (WebApplicationException e) {
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

    private static ProbeResponse readProbe(String body) {
        try {
            ProbeResponse probe = body.isBlank() ? null : JSON.readValue(body, ProbeResponse.class);
            return probe != null && probe.status() != null ? probe : null;
        } catch (IOException notAProbe) {
            return null;
        }
    }

    private static ServiceHealth result(Endpoint endpoint, boolean healthy, boolean reachable, String detail,
            long start) {
        return new ServiceHealth(endpoint.service(), endpoint.baseUrl(), healthy, reachable, detail,
                Duration.ofNanos(System.nanoTime() - start));
    }
}
