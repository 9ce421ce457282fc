package dev.tasker.cli.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One change {@code task watch} saw between two reads: the task's state, or a step's state or attempt count.
 * {@code from} is null on the first read; {@code elapsedMs} counts from the start of the watch.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WatchEvent(long elapsedMs, String subject, String name, String from, String to, Integer attempts,
        Integer retryLimit, String detail) {

    /** One line for a log: {@code +1.2s  linear_step_2  enqueued -> in_progress  (attempt 1/3)}. */
    public String line() {
        String at = String.format("+%.1fs", elapsedMs / 1000.0);
        String change = from == null ? to : from + " -> " + to;
        String attempt = attempts == null || attempts == 0 ? "" : "  (attempt " + attempts + "/" + retryLimit + ")";
        return at + "  " + name + "  " + change + attempt + (detail == null ? "" : "  " + detail);
    }
}
