package dev.tasker.client.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    @Test
    void readsEachSampleOfALabelledGauge() {
        String exposition = """
                # HELP tasker_queue_depth Visible messages waiting in the queue
                # TYPE tasker_queue_depth gauge
                tasker_queue_depth{queue="linear_workflow"} 3.0
                tasker_queue_depth{application="x",queue="orchestration_results"} 0.0
                tasker_queue_depth_other{queue="nope"} 9.0
                tasker_queue_depth{queue="odd"} NaN
                jvm_threads_live_threads 12.0
                """;

        assertThat(PrometheusText.samplesByLabel(exposition, "tasker_queue_depth", "queue"))
                .containsExactlyEntriesOf(new TreeMap<>(Map.of("linear_workflow", 3.0, "orchestration_results", 0.0)));
    }
}
