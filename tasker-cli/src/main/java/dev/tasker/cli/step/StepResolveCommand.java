package dev.tasker.cli.step;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tasker.api.step.StepResolution;
import dev.tasker.api.step.StepResponse;
import dev.tasker.cli.CliException;
import dev.tasker.cli.ExitCodes;
import dev.tasker.cli.JsonObjectArgument;
import dev.tasker.cli.Session;
import dev.tasker.cli.SessionCommand;
import dev.tasker.cli.SessionFactory;
import dev.tasker.cli.UuidConverter;
import dev.tasker.cli.task.TaskViews;
import dev.tasker.client.json.JsonMappers;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "resolve", mixinStandardHelpOptions = true,
        description = "Resolve a step by hand: it becomes resolved_manually with RESULT as its result, which its "
                + "children receive; a task in error because of it runs on. For a pending, enqueued, "
                + "waiting_for_retry or error step.",
        footer = {"", "Example: tasker-cli step resolve 3f2b6a4e-0c1d-4e5f-9a8b-7c6d5e4f3a2b linear_step_2 "
                + "--result '{\"result\": 1296}' --reason 'computed by hand, see INC-42'",
            "", "Exit codes: 0 resolved; 2 invalid --result, or the step cannot be resolved in its state (conflict); "
                + "3 no such task or step; 4 unreachable; 5 not allowed (needs tasks:write)."})
public class StepResolveCommand extends SessionCommand {

    private static final String EXAMPLE = "e.g. --result '{\"result\": 1296}'";

    @Parameters(index = "0", paramLabel = "TASK_ID", converter = UuidConverter.class,
            description = "The task's UUID.")
    UUID taskId;

    @Parameters(index = "1", paramLabel = "STEP", description = "The step's name (as 'task steps' prints it) or UUID.")
    String step;

    @Option(names = "--result", paramLabel = "JSON", required = true,
            description = "The step's result, a JSON object, e.g. '{\"result\": 1296}'.")
    String result;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, recorded with the resolution.")
    String reason;

    public StepResolveCommand(SessionFactory sessions) {
        super(sessions);
    }

    @Override
    protected int run(Session session) {
        JsonNode data = JsonObjectArgument.parse(JsonMappers.json(), "--result", result, EXAMPLE);
        if (reason != null && reason.isBlank()) {
            throw new CliException(ExitCodes.USAGE, "--reason must not be blank");
        }
        StepResponse target = find(session.client().orchestration().steps(taskId));
        session.verbose("resolving step " + target.name() + " (" + target.stepUuid() + ", "
                + target.currentState().wire() + ") of task " + taskId);
        StepResponse resolved = session.client().orchestration().resolveStep(taskId, target.stepUuid(),
                new StepResolution(data, session.host().user(), reason));
        session.output().print(resolved, s -> TaskViews.steps(List.of(s), session.output().style()));
        return ExitCodes.OK;
    }

    private StepResponse find(List<StepResponse> steps) {
        return steps.stream()
                .filter(s -> s.name().equals(step) || s.stepUuid().toString().equalsIgnoreCase(step))
                .findFirst()
                .orElseThrow(() -> new CliException(ExitCodes.NOT_FOUND, "task " + taskId + " has no step '" + step
                        + "' (its steps: " + steps.stream().map(StepResponse::name).collect(Collectors.joining(", "))
                        + ")"));
    }
}
