package dev.tasker.orchestration.engine;

import dev.tasker.runtime.db.Db;
import dev.tasker.runtime.queue.ConsumerLoop;
import dev.tasker.runtime.queue.PgQueue;
import dev.tasker.runtime.queue.QueueListener;
import dev.tasker.runtime.queue.Wakeup;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/** Runs the results-queue consumers for the life of the service. */
@ApplicationScoped
public class ResultsConsumer {

    private static final Logger LOG = Logger.getLogger(ResultsConsumer.class);

    private final ResultProcessor processor;
    private final PgQueue queue;
    private final QueueListener listener;
    private final Db db;
    private final OrchestrationConfig config;
    private final List<ConsumerLoop> loops = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    public ResultsConsumer(ResultProcessor processor, PgQueue queue, QueueListener listener, Db db,
            OrchestrationConfig config) {
        this.processor = processor;
        this.queue = queue;
        this.listener = listener;
        this.db = db;
        this.config = config;
    }

    synchronized void start(@Observes StartupEvent event) {
        Set<String> queues = Set.of(PgQueue.RESULTS_QUEUE);
        for (int i = 0; i < config.resultsConsumers(); i++) {
            Wakeup wakeup = new Wakeup();
            listener.register(queues, wakeup);
            ConsumerLoop loop = new ConsumerLoop("results-consumer-" + i, processor::processNext,
                    () -> db.read(c -> queue.nextVisibleAt(c, queues)), wakeup, config.fallbackPoll());
            Thread t = new Thread(loop, "tasker-results-" + i);
            t.setDaemon(true);
            loops.add(loop);
            threads.add(t);
            t.start();
        }
        LOG.infof("%d results consumers started", loops.size());
    }

    synchronized void stop(@Observes ShutdownEvent event) {
        loops.forEach(ConsumerLoop::stop);
        for (Thread t : threads) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** How many consumer threads are alive (readiness wants all of them). */
    public synchronized long alive() {
        return threads.stream().filter(Thread::isAlive).count();
    }

    public synchronized int expected() {
        return threads.size();
    }
}
