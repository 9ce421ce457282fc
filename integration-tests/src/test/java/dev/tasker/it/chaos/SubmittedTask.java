package dev.tasker.it.chaos;

import java.util.UUID;

/** A task the load created, with what it must end as. */
record SubmittedTask(UUID task, TaskKind kind, int n, Expected expected) {
}
