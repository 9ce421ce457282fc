package dev.tasker.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasker.testing.ItTokens;
import dev.tasker.testing.TaskerIntegration;
import dev.tasker.testing.TaskerStack;
import dev.tasker.testing.fuzz.ApiFuzz;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Generated bad input against both services of the stack, as an admin (so requests reach the handlers): random
 * requests for every operation of each one's OpenAPI document (see {@link ApiFuzz}). No answer may be a 5xx, each
 * 4xx is in the error format, and both services are ready afterwards. A fixed seed here;
 * {@code scripts/fuzz.sh} runs it long with random ones. Before AuthIT, whose log check then covers these requests
 * (the token they carry must appear in no log).
 */
@QuarkusTest
@Order(Integer.MAX_VALUE - 4)
class ApiFuzzIT {

    @RegisterExtension
    final TaskerIntegration it = new TaskerIntegration();

    @Test
    void theOrchestrationAnswersGeneratedBadInputWithoutA5xxAndInTheErrorFormat() throws Exception {
        fuzz(it.stack().orchestrationUrl(), 20261203L, 1500);
    }

    @Test
    void theWorkerAnswersGeneratedBadInputWithoutA5xxAndInTheErrorFormat() throws Exception {
        fuzz(it.stack().workerUrl(), 20261204L, 500);
    }

    private void fuzz(URI service, long seed, int requests) throws Exception {
        ApiFuzz.Report report = new ApiFuzz(service, ItTokens.ADMIN).run(ApiFuzz.seed(seed), ApiFuzz.requests(requests));
        System.out.println(service + ": " + report);
        assertThat(report.violations()).as("answers that broke the rules, of " + report).isEmpty();
        assertThat(report.statuses().keySet()).as("statuses seen").anyMatch(s -> s >= 400 && s < 500);
        it.stack().awaitReady(TaskerStack.READY_TIMEOUT);
    }
}
