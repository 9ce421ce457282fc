package dev.tasker.cli.task;

import dev.tasker.api.state.TaskState;
import dev.tasker.api.task.TaskSelector;
import dev.tasker.cli.NamespaceConverter;
import dev.tasker.cli.SinceConverter;
import dev.tasker.client.orchestration.TaskQuery;
import java.time.Instant;
import picocli.CommandLine.Option;

/** Which tasks: every filter of {@code GET /v1/tasks}, shared by the commands that select tasks by filter. */
public class TaskFilterOptions {

    @Option(names = "--namespace", converter = NamespaceConverter.class,
            description = "Only tasks of this namespace.")
    String namespace;

    @Option(names = "--name", description = "Only tasks of this template name.")
    String name;

    @Option(names = "--status", paramLabel = "STATE",
            description = "Only tasks in this state: ${COMPLETION-CANDIDATES}.")
    TaskState status;

    @Option(names = "--since", paramLabel = "AGE|TIME", converter = SinceConverter.class,
            description = "Only tasks created since then: 30m, 2h, 7d, 2026-01-31 or 2026-01-31T12:00:00Z.")
    Instant since;

    @Option(names = "--until", paramLabel = "AGE|TIME", converter = SinceConverter.class,
            description = "Only tasks created before then (the same forms as --since: 1h is an hour ago).")
    Instant until;

    @Option(names = "--tag", paramLabel = "TAG", description = "Only tasks with this tag.")
    String tag;

    @Option(names = "--correlation-id", paramLabel = "ID", description = "Only tasks with this correlation id.")
    String correlationId;

    @Option(names = "--initiator", description = "Only tasks created by this initiator (tasker-cli sends the user).")
    String initiator;

    @Option(names = "--source-system", paramLabel = "SYSTEM",
            description = "Only tasks from this source system (tasker-cli sends tasker-cli).")
    String sourceSystem;

    /** The same filters for a bulk action ({@code POST /v1/tasks/actions/...}). */
    TaskSelector selector() {
        return new TaskSelector(namespace, name, status == null ? null : status.wire(), initiator, sourceSystem,
                correlationId, tag, since, until);
    }

    boolean isEmpty() {
        return selector().isEmpty();
    }

    /** A query with these filters, for the caller to add paging to. */
    TaskQuery.Builder query() {
        return TaskQuery.builder().namespace(namespace).name(name).status(status).createdAfter(since)
                .createdBefore(until).tag(tag).correlationId(correlationId).initiator(initiator)
                .sourceSystem(sourceSystem);
    }
}
