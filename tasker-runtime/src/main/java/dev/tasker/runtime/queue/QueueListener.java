package dev.tasker.runtime.queue;

import dev.tasker.api.retry.ExponentialBackoff;
import dev.tasker.runtime.db.Db;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Holds one connection that {@code LISTEN}s on {@code tasker_queue} and rings the {@link Wakeup} of every
 * consumer registered for the queue a notification names; it also passes on {@code tasker_task_done}. When the connection breaks it rings everyone (they
 * poll) and reconnects with a bounded backoff; consumers' fallback polls cover the gap.
 */
@ApplicationScoped
public class QueueListener {

    private static final Logger LOG = Logger.getLogger(QueueListener.class);
    private static final String CHANNEL = "tasker_queue";
    /** Task reached a terminal state (payload: its uuid); fired by a trigger on tasker_tasks. */
    private static final String TASK_DONE_CHANNEL = "tasker_task_done";
    private static final int POLL_MILLIS = 500;
    /** Short: once the database is back, work should not wait long for its NOTIFY wake-ups. */
    private static final ExponentialBackoff RECONNECT = new ExponentialBackoff(Duration.ofMillis(100),
            Duration.ofSeconds(2), false);

    private final Db db;
    private final Map<String, List<Wakeup>> byQueue = new ConcurrentHashMap<>();
    private final Set<Wakeup> all = ConcurrentHashMap.newKeySet();
    private final List<java.util.function.Consumer<String>> taskDoneListeners = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread;

    public QueueListener(Db db) {
        this.db = db;
    }

    public void register(Collection<String> queues, Wakeup wakeup) {
        for (String q : queues) {
            byQueue.computeIfAbsent(q, k -> new CopyOnWriteArrayList<>()).add(wakeup);
        }
        all.add(wakeup);
        startOnce();
    }

    /** Calls {@code listener} with the uuid of every task that reaches a terminal state. */
    public void onTaskDone(java.util.function.Consumer<String> listener) {
        taskDoneListeners.add(listener);
        startOnce();
    }

    public void unregister(Wakeup wakeup) {
        byQueue.values().forEach(list -> list.remove(wakeup));
        all.remove(wakeup);
    }

    /** Whether the LISTEN connection is up (part of readiness: without it, work waits for fallback polls). */
    public boolean isListening() {
        return listening;
    }

    private synchronized void startOnce() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "tasker-queue-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        stop();
    }

    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    private void run() {
        int failures = 0;
        while (running) {
            try (Connection c = db.connection()) {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                    s.execute("LISTEN " + TASK_DONE_CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                listening = true;
                failures = 0;
                // Anything sent while we were not listening would otherwise wait for a fallback poll.
                ringAll();
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            if (TASK_DONE_CHANNEL.equals(n.getName())) {
                                taskDoneListeners.forEach(l -> l.accept(n.getParameter()));
                            } else {
                                ring(n.getParameter());
                            }
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (!running) {
                    break;
                }
                long backoff = RECONNECT.delay(++failures).toMillis();
                LOG.warnf("queue listener lost its connection (%s); reconnecting in %d ms", e.getMessage(), backoff);
                ringAll();
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        listening = false;
    }

    private void ring(String queue) {
        List<Wakeup> wakeups = byQueue.get(queue);
        if (wakeups != null) {
            wakeups.forEach(Wakeup::ring);
        }
    }

    private void ringAll() {
        all.forEach(Wakeup::ring);
    }
}
