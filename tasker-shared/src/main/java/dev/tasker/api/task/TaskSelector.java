package dev.tasker.api.task;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/** Which tasks a bulk action touches: the filters of {@code GET /v1/tasks}, combined with AND; null is "any". */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskSelector(String namespace, String name, String status, String initiator, String sourceSystem,
        String correlationId, String tag, Instant createdAfter, Instant createdBefore) {

    /** No filter at all: every task. Bulk actions refuse it, so that no one acts on everything by accident. */
    @JsonIgnore
    public boolean isEmpty() {
        return Arrays.stream(new Object[] {namespace, name, status, initiator, sourceSystem, correlationId, tag,
            createdAfter, createdBefore}).allMatch(Objects::isNull);
    }
}
