package dev.tasker.orchestration.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tasker.api.step.StepError;
import dev.tasker.runtime.db.Db;
import dev.tasker.runtime.queue.Messages;
import dev.tasker.runtime.queue.PgQueue;
import dev.tasker.runtime.queue.QueueMessage;
import dev.tasker.runtime.step.ClaimedStep;
import dev.tasker.runtime.step.StepExecutionStore;
import dev.tasker.testing.Poll;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Plays the worker's side of the protocol with the real worker code path (queue claim, step claim, outcome
 * report), so orchestration tests can choose each step's outcome and timing.
 */
public final class TestWorker {

    /** A step this test worker holds, with the queue message it came from. */
    public record Claim(ClaimedStep step, long msgId) {
        public String name() {
            return step.stepName();
        }
    }

    private final Db db;
    private final PgQueue queue;
    private final StepExecutionStore store;
    private final String workerId;

    public TestWorker(Db db, PgQueue queue, StepExecutionStore store, String workerId) {
        this.db = db;
        this.queue = queue;
        this.store = store;
        this.workerId = workerId;
    }

    /** Claims every visible message of the namespace and the steps they name (stale messages are dropped). */
    public List<Claim> claimVisible(String namespace) {
        List<QueueMessage> messages = db.read(c -> queue.claim(c, Set.of(PgQueue.namespaceQueue(namespace)), 500,
                Duration.ofSeconds(30)));
        List<Claim> claims = new ArrayList<>();
        for (QueueMessage m : messages) {
            Optional<ClaimedStep> step = store.claim(Messages.stepUuid(m.message()), workerId);
            if (step.isPresent()) {
                claims.add(new Claim(step.get(), m.msgId()));
            } else {
                db.read(c -> queue.delete(c, m.msgId()));
            }
        }
        return claims;
    }

    /** Claims until at least {@code count} steps are held or the deadline passes. */
    public List<Claim> awaitClaims(String namespace, int count, Duration timeout) {
        List<Claim> held = new ArrayList<>();
        Poll.of(count + " claimable steps in " + namespace, () -> {
            held.addAll(claimVisible(namespace));
            return held.size();
        }).until(n -> n >= count, timeout);
        return held;
    }

    public boolean succeed(Claim claim, JsonNode result) {
        return store.succeed(claim.step(), claim.msgId(), result, Duration.ofMillis(1), null).isPresent();
    }

    public boolean fail(Claim claim, String errorType, String message, boolean retryable) {
        return store.fail(claim.step(), claim.msgId(), new StepError(message, errorType, retryable),
                Duration.ofMillis(1));
    }
}
