package dev.tasker.testing;

/** One container of the compose project: its id, name, compose service and docker state (running, exited...). */
public record Container(String id, String name, String service, String state, String status) {

    public boolean running() {
        return "running".equals(state);
    }
}
