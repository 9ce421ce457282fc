package dev.tasker.worker.consumer;

/** The consumer's threads are daemons: a handler that ignores its interruption must not keep the JVM alive. */
final class DaemonThreads {

    private DaemonThreads() {
    }

    static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
