package dev.tasker.cli.worker;

import dev.tasker.api.worker.WorkerInfo;
import dev.tasker.cli.output.Style;
import dev.tasker.cli.output.Table;
import java.util.List;

/** The table of registered workers, shared by {@code worker list} and {@code system info}. */
public final class WorkerViews {

    private WorkerViews() {
    }

    public static String registry(List<WorkerInfo> workers, Style style) {
        if (workers.isEmpty()) {
            return "no workers registered\n";
        }
        return Table.of(workers)
                .column("WORKER", WorkerInfo::workerId)
                .stateColumn("STATUS", WorkerInfo::status)
                .column("NAMESPACES", w -> w.namespaces() == null ? "-" : String.join(",", w.namespaces()))
                .column("API URL", WorkerInfo::apiUrl)
                .column("VERSION", WorkerInfo::version)
                .column("LAST HEARTBEAT", WorkerInfo::lastHeartbeatAt)
                .render(style);
    }
}
