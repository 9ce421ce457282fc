package dev.tasker.it.chaos;

import dev.tasker.testing.Poll;
import dev.tasker.testing.TaskerStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Strikes the stack with a fault drawn at random every 15 to 30 s, and heals each after its drawn duration. Faults
 * overlap: a worker may still be frozen when PostgreSQL is killed. One service carries one fault at a time (a
 * paused container cannot be killed, a disconnected one should not be restarted off its network); a draw whose
 * services are all taken draws again. Healing is retried until it succeeds: a fault must never outlive the soak.
 */
final class ChaosFaults {

    static final Duration FIRST_GAP = Duration.ofSeconds(15);
    static final Duration LAST_GAP = Duration.ofSeconds(30);
    private static final Duration HEAL_DEADLINE = Duration.ofMinutes(2);

    private final TaskerStack stack;
    private final List<String> workers;
    private final Random random;
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4);
    private final Set<String> struck = ConcurrentHashMap.newKeySet();
    private final Queue<InjectedFault> injected = new ConcurrentLinkedQueue<>();
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();
    private volatile boolean stopped;

    ChaosFaults(TaskerStack stack, List<String> workers, Random random) {
        this.stack = stack;
        this.workers = List.copyOf(workers);
        this.random = random;
    }

    void start() {
        scheduleNext();
    }

    /** No new fault; waits until every fault under way has been healed. */
    void stop() throws InterruptedException {
        stopped = true;
        Poll.of("the faults under way (" + struck + ") to be healed", () -> struck.isEmpty())
                .every(Duration.ofSeconds(1)).until(Boolean::booleanValue, FaultKind.WORKER_CUT_OFF.longest()
                        .plus(HEAL_DEADLINE));
        scheduler.shutdown();
        scheduler.awaitTermination(30, TimeUnit.SECONDS);
    }

    private synchronized void scheduleNext() {
        if (stopped) {
            return;
        }
        long gapMs = between(FIRST_GAP, LAST_GAP).toMillis();
        scheduler.schedule(this::strike, gapMs, TimeUnit.MILLISECONDS);
    }

    private void strike() {
        try {
            if (!stopped) {
                strikeOne();
            }
        } catch (RuntimeException | AssertionError e) {
            failures.add("injecting a fault failed: " + e);
        } finally {
            scheduleNext();
        }
    }

    private void strikeOne() {
        for (int draw = 0; draw < 10; draw++) {
            FaultKind kind = FaultKind.values()[random.nextInt(FaultKind.values().length)];
            List<String> candidates = new ArrayList<>(kind.onAWorker() ? workers
                    : List.of(kind == FaultKind.POSTGRES_KILLED ? TaskerStack.POSTGRES : TaskerStack.ORCHESTRATION));
            candidates.removeIf(struck::contains);
            if (candidates.isEmpty()) {
                continue;
            }
            String service = candidates.get(random.nextInt(candidates.size()));
            Duration lasts = between(kind.shortest(), kind.longest());
            struck.add(service);
            long atSecond = Duration.ofNanos(System.nanoTime() - startNanos).toSeconds();
            try {
                inflict(kind, service);
            } catch (RuntimeException e) {
                struck.remove(service);
                throw e;
            }
            InjectedFault fault = new InjectedFault(kind, service, atSecond, lasts);
            injected.add(fault);
            System.out.println("chaos: " + fault);
            scheduler.schedule(() -> heal(kind, service), lasts.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
    }

    private void inflict(FaultKind kind, String service) {
        switch (kind) {
            case WORKER_PAUSED -> stack.pause(service);
            case WORKER_CUT_OFF -> stack.disconnect(service);
            case WORKER_KILLED, POSTGRES_KILLED, ORCHESTRATION_KILLED -> stack.kill(service);
        }
    }

    private void heal(FaultKind kind, String service) {
        try {
            Poll.of("docker to heal " + kind.label() + " (" + service + ")", () -> {
                switch (kind) {
                    case WORKER_PAUSED -> stack.unpause(service);
                    case WORKER_CUT_OFF -> stack.reconnect(service);
                    case WORKER_KILLED, POSTGRES_KILLED, ORCHESTRATION_KILLED -> stack.start(service);
                }
                return true;
            }).every(Duration.ofSeconds(2)).until(Boolean::booleanValue, HEAL_DEADLINE);
        } catch (AssertionError e) {
            failures.add(e.getMessage());
        } finally {
            struck.remove(service);
        }
    }

    private Duration between(Duration shortest, Duration longest) {
        long spanMs = longest.toMillis() - shortest.toMillis();
        synchronized (random) {
            return shortest.plusMillis(spanMs <= 0 ? 0 : (long) (random.nextDouble() * spanMs));
        }
    }

    List<InjectedFault> injected() {
        return List.copyOf(injected);
    }

    List<String> failures() {
        return List.copyOf(failures);
    }
}
