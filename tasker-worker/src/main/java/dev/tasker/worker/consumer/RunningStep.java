package dev.tasker.worker.consumer;

import dev.tasker.runtime.step.ClaimedStep;

/**
 * A step attempt running on a pool thread. The watchdog (timeout) and shutdown (release) interrupt the thread
 * only while the handler still runs, so a late interrupt can never hit the thread's next step.
 */
final class RunningStep {

    final ClaimedStep step;
    final long msgId;
    private final Thread thread;
    private boolean active = true;
    private boolean timedOut;
    private boolean released;

    RunningStep(ClaimedStep step, long msgId, Thread thread) {
        this.step = step;
        this.msgId = msgId;
        this.thread = thread;
    }

    synchronized void timeOut() {
        if (active) {
            timedOut = true;
            thread.interrupt();
        }
    }

    synchronized void release() {
        if (active) {
            released = true;
            thread.interrupt();
        }
    }

    /** The handler has returned: no interrupt may come after this. */
    synchronized void finish() {
        active = false;
        Thread.interrupted();
    }

    synchronized boolean timedOut() {
        return timedOut;
    }

    synchronized boolean released() {
        return released;
    }
}
