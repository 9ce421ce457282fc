package dev.tasker.api.health;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Body of {@code /health/live} and {@code /health/ready}: the overall status ({@code UP}/{@code DOWN}) and each
 * check, so a client can say which check failed.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProbeResponse(String status, List<Check> checks) {

    public static final String UP = "UP";

    public ProbeResponse {
        checks = checks == null ? List.of() : List.copyOf(checks);
    }

    public boolean isUp() {
        return UP.equals(status);
    }

    /** The checks that are not up, as {@code name (data)}, for one-line error messages. */
    public String failingChecks() {
        return checks.stream()
                .filter(c -> !UP.equals(c.status()))
                .map(Check::describe)
                .collect(Collectors.joining(", "));
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Check(String name, String status, Map<String, Object> data) {
        String describe() {
            return data == null || data.isEmpty() ? name : name + " " + data;
        }
    }
}
